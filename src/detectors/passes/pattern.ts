import {acceptSecret, secretSpan, type Candidate} from '../candidate.js'
import {ruleKeywordIn, type CompiledRules} from '../compile.js'

/**
 * How far before a shape rule's match its keyword may stand, on the same line. A rule whose pattern holds its
 * keyword (`sk-proj-…`, `AKIA…`) always meets this; a rule whose pattern is a bare shape (`<digits>|<token>`)
 * gated by a provider word must have the word just before the value or in the name the value is assigned to,
 * not anywhere on a long line: a minified bundle mentions `facebook` once and holds a thousand shaped runs.
 */
export const KEYWORD_NEAR = 40

/** A shape-rule candidate whose keyword was not near it: kept only when the assignment naming it holds the keyword. */
export interface PendingCandidate extends Candidate {
  readonly keywordInName: true
}

/** Whether a candidate must still find its rule's keyword in its assignment's name. */
export function isPending(candidate: Candidate): candidate is PendingCandidate {
  return (candidate as Partial<PendingCandidate>).keywordInName === true
}

/** Whether a rule's keyword is in the match `text[matchStart, matchEnd)` or within `KEYWORD_NEAR` before it on its line. */
export function keywordNearMatch(compiled: CompiledRules, ruleIndex: number, text: string, matchStart: number, matchEnd: number): boolean {
  // Look back at most KEYWORD_NEAR characters for the line's start: `lastIndexOf` would walk a minified line whole.
  let from = matchStart
  const limit = Math.max(0, matchStart - KEYWORD_NEAR)
  while (from > limit && text.charCodeAt(from - 1) !== 10) from--
  return ruleKeywordIn(compiled, ruleIndex, text, from, matchEnd)
}

/**
 * Runs one prefix or multi-line rule over `text[from, to)`; offsets stay relative to `text`. A line rule's
 * candidate whose keyword is neither in nor near the match is marked pending (see `KEYWORD_NEAR`).
 */
export function runPatternRule(compiled: CompiledRules, ruleIndex: number, text: string, from: number, to: number, out: Candidate[]): void {
  const rule = compiled.rules[ruleIndex]
  const pattern = compiled.patterns[ruleIndex]
  const segment = from === 0 && to === text.length ? text : text.slice(from, to)
  const multiline = compiled.isMultiline[ruleIndex]
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(segment)) !== null) {
    if (match[0].length === 0) pattern.lastIndex++
    const span = secretSpan(match)
    if (!span) continue
    if (!acceptSecret(rule, segment.slice(span[0], span[1]))) continue
    const candidate: Candidate = {ruleIndex, ruleId: rule.id, start: from + span[0], end: from + span[1], name: null}
    // Multi-line rules run in windows around their keyword already (a PEM header holds it).
    const near = multiline || keywordNearMatch(compiled, ruleIndex, text, from + match.index, from + match.index + match[0].length)
    if (near) out.push(candidate)
    else {
      const pending: PendingCandidate = {...candidate, keywordInName: true}
      out.push(pending)
    }
  }
}
