import {extractValues} from '../formats/index.js'
import {lineIndex, positionAt} from '../formats/position.js'
import type {LocatedValue} from '../formats/types.js'
import {scanFileText} from '../scan/file-scan.js'
import {applyEdits, rewrittenSpans} from './apply.js'
import {RewriteError} from './errors.js'
import type {RewriteEdit, RewriteProblem, RewriteVerification} from './types.js'

const ENCODED: ReadonlySet<string> = new Set(['base64-placeholder', 'credential-pair'])

/** The first offset where two texts differ. */
function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i
  return n
}

/**
 * Checks a rewritten file against the text it came from and the edits that were applied: every byte outside
 * the edits is identical, it still parses in its format (no new error), every value the format located is
 * still there unchanged except the rewritten ones, each rewritten value now reads as its placeholder (or
 * `${VAR}`) and no longer holds the key, and a scan of the result reports nothing at the rewritten places.
 * Problems carry positions and our own words only.
 */
export function verifyRewrite(relPath: string, before: string, after: string, edits: readonly RewriteEdit[]): RewriteVerification {
  const problems: RewriteProblem[] = []
  const afterIndex = lineIndex(after)
  const at = (check: RewriteProblem['check'], offset: number, reason: string): void => {
    problems.push({check, ...positionAt(afterIndex, offset), reason})
  }

  let expected: string | undefined
  try {
    expected = applyEdits(before, edits, relPath)
  } catch (error) {
    if (!(error instanceof RewriteError)) throw error
    problems.push({check: 'bytes', line: error.line, column: error.column, reason: 'the edits do not fit the original text'})
  }
  if (expected !== undefined && expected !== after) at('bytes', firstDifference(expected, after), 'a byte outside the planned edits differs')

  const parsedBefore = extractValues(relPath, before)
  const parsedAfter = extractValues(relPath, after)
  if (parsedAfter.format !== parsedBefore.format) at('parse', 0, `the file now reads as ${parsedAfter.format} instead of ${parsedBefore.format}`)
  if (parsedAfter.error !== undefined && (parsedBefore.error === undefined || parsedBefore.error.reason !== parsedAfter.error.reason)) {
    problems.push({check: 'parse', line: parsedAfter.error.line, column: parsedAfter.error.column, reason: `the file no longer parses: ${parsedAfter.error.reason}`})
  }

  const spans = rewrittenSpans(edits).map((s) => ({...s, edit: s.edit as RewriteEdit}))
  const shift = (offset: number): number => {
    let delta = 0
    for (const s of spans) if (s.edit.end <= offset) delta += s.edit.replacement.length - (s.edit.end - s.edit.start)
    return offset + delta
  }
  // By start offset, so a file with thousands of values is checked in linear time.
  const afterByStart = new Map<number, LocatedValue[]>()
  for (const v of parsedAfter.values) afterByStart.set(v.start, [...(afterByStart.get(v.start) ?? []), v])
  const matched = new Set<LocatedValue>()
  const sameKey = (a: LocatedValue, b: LocatedValue): boolean => a.name === b.name && a.path === b.path
  for (const value of parsedBefore.values) {
    const touching = spans.filter((s) => s.edit.start < value.end && value.start < s.edit.end)
    if (touching.length === 0) {
      const start = shift(value.start)
      const end = shift(value.end)
      const same = (afterByStart.get(start) ?? []).find((v) => !matched.has(v) && v.end === end && sameKey(v, value) && v.value === value.value && v.encoding === value.encoding)
      if (same === undefined) at('values', start, 'a value the rewrite did not touch changed or disappeared')
      else matched.add(same)
      continue
    }
    if (touching.every((s) => s.edit.structure === 'replaced')) continue
    const from = Math.min(...touching.map((s) => s.start))
    const to = Math.max(...touching.map((s) => s.end))
    const rewritten = parsedAfter.values.find((v) => !matched.has(v) && sameKey(v, value) && v.start <= to && from <= v.end)
    if (rewritten === undefined) {
      at('values', from, 'a rewritten value is no longer found at its key')
      continue
    }
    matched.add(rewritten)
    for (const s of touching) {
      const secret = s.edit.vaultValue.reveal()
      if (secret !== '' && rewritten.value.includes(secret)) at('decodes', s.start, 'the rewritten value still holds the key')
      if (ENCODED.has(s.edit.strategy)) {
        const decoded = Buffer.from(after.slice(s.start, s.end), 'base64').toString('utf8')
        if (decoded !== s.edit.decodesTo) at('decodes', s.start, 'the base64 field does not decode to its placeholder')
      } else if (!rewritten.value.includes(s.edit.decodesTo)) {
        at('decodes', s.start, 'the rewritten value does not read as its placeholder')
      }
    }
  }
  for (const value of parsedAfter.values) {
    if (matched.has(value)) continue
    const inside = spans.find((s) => s.start <= value.start && value.end <= s.end && value.value.includes(s.edit.decodesTo))
    if (inside === undefined) at('values', value.start, 'the rewrite made a value appear that was not there before')
  }

  for (const finding of scanFileText(relPath, after).findings) {
    if (spans.some((s) => finding.start < s.end && s.start < finding.end)) at('rescan', finding.start, 'a scan still reports a key at a rewritten place')
  }
  return {ok: problems.length === 0, format: parsedAfter.format, problems}
}
