import {findMultilineElementAt, findTextAssignments, type TextAssignment} from './assignments.js'
import type {Candidate} from './candidate.js'
import {compileRules, ruleKeywordIn, type CompiledRules} from './compile.js'
import {resolveOverlaps} from './overlaps.js'
import {runMultilineRule} from './passes/multiline.js'
import {nameCandidates, runNameRules} from './passes/names.js'
import {isPending, runPatternRule} from './passes/pattern.js'
import {RULES} from './registry.js'
import type {Detection, Rule} from './types.js'

/*
 * The engine drives three passes behind one keyword pre-filter: the pattern pass (rules that know a key by
 * its shape, `passes/pattern.ts`), the name pass (bare values under a name that says what they are,
 * `passes/names.ts`) and the multi-line pass (PEM blocks, `passes/multiline.ts`). `compile.ts` builds the
 * keyword index once per rule set; `overlaps.ts` keeps one detection where candidates share bytes.
 */

/** Lines longer than this (minified bundles) are searched only in windows around keyword hits. */
const MAX_LINE = 4096
const WINDOW_BEFORE = 512
const WINDOW_AFTER = 1024

/** Drops, from `out[firstNew…]`, the pending shape candidates whose assignment name lacks their rule's keyword. */
function settlePending(compiled: CompiledRules, out: Candidate[], firstNew: number): void {
  let write = firstNew
  for (let read = firstNew; read < out.length; read++) {
    const candidate = out[read]
    if (isPending(candidate)) {
      const name = candidate.name
      if (name === null || !ruleKeywordIn(compiled, candidate.ruleIndex, name, 0, name.length)) continue
      out[write++] = {ruleIndex: candidate.ruleIndex, ruleId: candidate.ruleId, start: candidate.start, end: candidate.end, name}
    } else out[write++] = candidate
  }
  out.length = write
}

/** Runs the selected rules on `text[from, to)`: prefix rules by shape, name rules on assigned values. */
function scanSegment(
  compiled: CompiledRules,
  text: string,
  from: number,
  to: number,
  ruleIndices: readonly number[],
  out: Candidate[],
  elements: TextAssignment[],
): void {
  const firstNew = out.length
  let hasNameRule = false
  for (const ruleIndex of ruleIndices) {
    if (compiled.isNameRule[ruleIndex]) hasNameRule = true
    else if (!compiled.isMultiline[ruleIndex]) runPatternRule(compiled, ruleIndex, text, from, to, out)
  }
  const shapeEnd = out.length
  // `<apiToken>` alone on its line, the value on the next: the value line has no name of its own.
  if (hasNameRule && text.charCodeAt(to - 1 - (text.charCodeAt(to - 1) === 13 ? 1 : 0)) === 62) {
    const element = findMultilineElementAt(text, from)
    if (element) {
      elements.push(element)
      runNameRules(compiled, null, element.name, text.slice(element.valueStart, element.valueEnd), element.valueStart, out)
    }
  }
  if (!hasNameRule && shapeEnd === firstNew) return
  const assignments = findTextAssignments(text, from, to)
  if (shapeEnd > firstNew) {
    if (assignments.length > 0) nameCandidates(out.slice(firstNew, shapeEnd), from, assignments)
    settlePending(compiled, out, firstNew)
  }
  if (!hasNameRule || assignments.length === 0) return
  const selected = new Set(ruleIndices)
  for (const a of assignments) {
    runNameRules(compiled, selected, a.name, text.slice(a.valueStart, a.valueEnd), a.valueStart, out)
  }
}

/** Runs the rules a line's keywords selected, on the line or (past `MAX_LINE`) on windows around the hits. */
function scanLine(
  compiled: CompiledRules,
  text: string,
  lineStart: number,
  lineEnd: number,
  lineRules: ReadonlySet<number>,
  hits: readonly number[],
  out: Candidate[],
  elements: TextAssignment[],
): void {
  const indices = [...lineRules]
  if (lineEnd - lineStart <= MAX_LINE) {
    scanSegment(compiled, text, lineStart, lineEnd, indices, out, elements)
    return
  }
  let windowStart = -1
  let windowEnd = -1
  // Hits come line by line, but within a line in the order their keywords' anchor trigrams were met.
  for (const hit of [...hits].sort((a, b) => a - b)) {
    const start = Math.max(lineStart, hit - WINDOW_BEFORE)
    const end = Math.min(lineEnd, hit + WINDOW_AFTER)
    if (start <= windowEnd) {
      windowEnd = Math.max(windowEnd, end)
      continue
    }
    if (windowEnd > windowStart) scanSegment(compiled, text, windowStart, windowEnd, indices, out, elements)
    windowStart = start
    windowEnd = end
  }
  if (windowEnd > windowStart) scanSegment(compiled, text, windowStart, windowEnd, indices, out, elements)
}

/** Calls `onHit(start, keywordIndex)` for every keyword occurrence, line by line (within a line, not in order). */
function forEachKeywordHit(compiled: CompiledRules, text: string, onHit: (start: number, keywordIndex: number) => void, bytes?: Uint8Array): void {
  if (compiled.scanner) {
    compiled.scanner.scan(text, onHit, bytes)
    return
  }
  const pattern = compiled.keywordPattern
  if (!pattern) return
  const indexOf = new Map(compiled.keywords.map((keyword, index) => [keyword.toLowerCase(), index]))
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text)) !== null) {
    onHit(match.index, indexOf.get(match[0].toLowerCase()) ?? 0)
    // Keywords may overlap (`bot` inside `…bOT3BlbkFJ`): resume one character on, not after the match.
    pattern.lastIndex = match.index + 1
  }
}

/** Collects candidates into `out`; returns how many keyword hits the pre-filter saw. */
function collectCandidates(compiled: CompiledRules, text: string, out: Candidate[], bytes?: Uint8Array): number {
  let hitCount = 0
  const multilineHits = new Map<number, number[]>()
  const elements: TextAssignment[] = []
  const lineRules = new Set<number>()
  const hits: number[] = []
  let lineStart = 0
  let lineEnd = -1
  forEachKeywordHit(compiled, text, (start, keywordIndex) => {
    const exact = compiled.exactKeywords[keywordIndex]
    if (exact !== null && !text.startsWith(exact, start)) return
    hitCount++
    if (start >= lineEnd) {
      // A hit on a new line: run the rules gathered for the previous one.
      if (lineRules.size > 0) scanLine(compiled, text, lineStart, lineEnd, lineRules, hits, out, elements)
      lineRules.clear()
      hits.length = 0
      lineStart = text.lastIndexOf('\n', start - 1) + 1
      lineEnd = text.indexOf('\n', start)
      if (lineEnd === -1) lineEnd = text.length
    }
    hits.push(start)
    const selected = compiled.rulesByKeywordIndex[keywordIndex]
    for (let i = 0; i < selected.length; i++) {
      const ruleIndex = selected[i]
      if (compiled.isMultiline[ruleIndex]) {
        const positions = multilineHits.get(ruleIndex)
        if (!positions) multilineHits.set(ruleIndex, [start])
        else if (positions[positions.length - 1] !== start) positions.push(start)
      } else lineRules.add(ruleIndex)
    }
  }, bytes)
  if (lineRules.size > 0) scanLine(compiled, text, lineStart, lineEnd, lineRules, hits, out, elements)
  for (const [ruleIndex, positions] of multilineHits) runMultilineRule(compiled, ruleIndex, text, positions, out)
  // A key found by shape on the value line of a three-line element takes the element's name.
  if (elements.length > 0) nameCandidates(out, 0, elements)
  return hitCount
}

/** The engine's candidates resolved into detections, with the shared ranking. */
function resolveCandidates(compiled: CompiledRules, candidates: readonly Candidate[]): Detection[] {
  return resolveOverlaps(
    candidates,
    (c) => compiled.priority[c.ruleIndex],
    (c, name) => ({...c, name}),
  ).map((c) => ({ruleId: c.ruleId, start: c.start, end: c.end, name: c.name}))
}

/**
 * Finds secrets in a whole file's text, line by line behind a keyword pre-filter; multi-line rules run
 * over the whole text. Offsets are into `text`; no two returned detections overlap.
 */
export function detectInText(text: string, rules: readonly Rule[] = RULES): Detection[] {
  return scanTextForSecrets(text, rules).detections
}

/**
 * `detectInText`, also telling whether the keyword pre-filter saw anything at all. No keyword means no
 * rule could fire on this text's bytes, so a caller can skip other work on it (parsing its format).
 * `bytes`, the UTF-8 the text was decoded from, lets the pre-filter read bytes when they map one to one.
 */
export function scanTextForSecrets(text: string, rules: readonly Rule[] = RULES, bytes?: Uint8Array): {detections: Detection[]; keywordHits: number} {
  const compiled = compileRules(rules)
  const candidates: Candidate[] = []
  const keywordHits = collectCandidates(compiled, text, candidates, bytes)
  return {detections: resolveCandidates(compiled, candidates), keywordHits}
}

/**
 * Finds secrets in one value a format parser located (already unquoted and decoded), assigned to
 * `name` when known. Offsets are relative to `value`. Runs shape rules over the value (and any
 * assignments inside it), then the name rules that accept `name`, after stripping an auth scheme.
 */
export function detectInValue(value: string, name: string | null, rules: readonly Rule[] = RULES): Detection[] {
  const compiled = compileRules(rules)
  const candidates: Candidate[] = []
  collectCandidates(compiled, value, candidates)
  for (const candidate of candidates) if (candidate.name === null) candidate.name = name
  if (name !== null) {
    const trimmedStart = value.length - value.trimStart().length
    const trimmed = value.trim()
    const scheme = /^(?:Bearer|Basic|Token|token|bearer|Bot|Key|ApiKey|Apikey)\s+(?=\S)/.exec(trimmed)
    const offset = trimmedStart + (scheme ? scheme[0].length : 0)
    runNameRules(compiled, null, name, value.slice(offset, trimmedStart + trimmed.length), offset, candidates)
  }
  return resolveCandidates(compiled, candidates)
}
