import {findTextAssignments} from '../assignments.js'
import type {Candidate} from '../candidate.js'
import type {CompiledRules} from '../compile.js'
import {nameCandidates} from './names.js'
import {runPatternRule} from './pattern.js'

/** Multi-line rules look this far around a keyword hit (an RSA-8192 PEM block is under 7 KB). */
const MULTILINE_BEFORE = 4096
const MULTILINE_AFTER = 65536

/**
 * Runs a multi-line rule on windows around its keyword hits (from a line start a little before, to well
 * past any PEM block) rather than on the whole text: a costly pattern then costs in proportion to its hits.
 * A block that opens inside a quoted value (`"private_key": "-----BEGIN…\n…"`) takes that value's name.
 */
export function runMultilineRule(compiled: CompiledRules, ruleIndex: number, text: string, positions: readonly number[], out: Candidate[]): void {
  const firstNew = out.length
  let windowStart = -1
  let windowEnd = -1
  for (const position of [...positions].sort((a, b) => a - b)) {
    const start = text.lastIndexOf('\n', Math.max(0, position - MULTILINE_BEFORE)) + 1
    const end = Math.min(text.length, position + MULTILINE_AFTER)
    if (start <= windowEnd) {
      windowEnd = Math.max(windowEnd, end)
      continue
    }
    if (windowEnd > windowStart) runPatternRule(compiled, ruleIndex, text, windowStart, windowEnd, out)
    windowStart = start
    windowEnd = end
  }
  if (windowEnd > windowStart) runPatternRule(compiled, ruleIndex, text, windowStart, windowEnd, out)
  for (const candidate of out.slice(firstNew)) {
    const lineStart = text.lastIndexOf('\n', candidate.start - 1) + 1
    const lineEnd = Math.min(candidate.start + 1, text.length)
    nameCandidates([candidate], lineStart, findTextAssignments(text, lineStart, lineEnd).map((a) => ({...a, valueEnd: text.length})))
  }
}
