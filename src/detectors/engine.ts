import type {Detection, Rule} from './types.js'
import {findMultilineElementAt, findTextAssignments, MAX_NAMED_VALUE, normalizeSecretName, type TextAssignment} from './assignments.js'
import {decoyReason, isDecoySecret} from './decoys.js'
import {randomEntropyFloor, shannonEntropy} from './entropy.js'
import {buildKeywordScanner, type KeywordScanner} from './keyword-scanner.js'
import {RULES} from './registry.js'

/** Lines longer than this (minified bundles) are searched only in windows around keyword hits. */
const MAX_LINE = 4096
const WINDOW_BEFORE = 512
const WINDOW_AFTER = 1024
/** Multi-line rules look this far around a keyword hit (an RSA-8192 PEM block is under 7 KB). */
const MULTILINE_BEFORE = 4096
const MULTILINE_AFTER = 65536

interface CompiledRules {
  readonly rules: readonly Rule[]
  /** Every distinct keyword, lower case; `rulesByKeywordIndex[i]` are the rules `keywords[i]` selects. */
  readonly keywords: readonly string[]
  /** Per keyword: itself when it must match in exact case (written with capitals, like `AKIA`), else null. */
  readonly exactKeywords: readonly (string | null)[]
  readonly rulesByKeywordIndex: readonly (readonly number[])[]
  /** The fast scanner, or null when a keyword does not fit it (then the alternation below is used). */
  readonly scanner: KeywordScanner | null
  /** One case-insensitive alternation of every keyword, longest first. */
  readonly keywordPattern: RegExp | null
  /** Lower-case keyword → indices of rules whose keywords occur in it (so a hit on `sk-proj-` also runs `sk-`). */
  readonly rulesByKeyword: ReadonlyMap<string, readonly number[]>
  /** Per rule: its pattern with `g` and `d` flags (prefix and multi-line rules) or `d` only (name rules). */
  readonly patterns: readonly RegExp[]
  readonly isNameRule: readonly boolean[]
  readonly isMultiline: readonly boolean[]
  readonly priority: readonly number[]
  readonly nameRuleIndices: readonly number[]
  /** Name → indices of the name rules that accept it. Names repeat across lines, and matching them is costly. */
  readonly nameRuleCache: Map<string, readonly number[]>
}

/** Bound on the name cache: a generated file with millions of distinct names must not grow it without end. */
const NAME_CACHE_LIMIT = 20000

const compiledCache = new WeakMap<readonly Rule[], CompiledRules>()

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compileRules(rules: readonly Rule[]): CompiledRules {
  const cached = compiledCache.get(rules)
  if (cached) return cached
  const keywords = new Map<string, number[]>()
  rules.forEach((rule, index) => {
    for (const keyword of rule.keywords) {
      if (keyword === '') continue
      const list = keywords.get(keyword) ?? []
      list.push(index)
      keywords.set(keyword, list)
    }
  })
  const sorted = [...keywords.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  const rulesByKeyword = new Map<string, number[]>()
  for (const keyword of sorted) {
    const indices = new Set<number>()
    for (const other of sorted) if (keyword.includes(other)) for (const i of keywords.get(other) ?? []) indices.add(i)
    rulesByKeyword.set(keyword, [...indices].sort((a, b) => a - b))
  }
  const patterns = rules.map((rule) => {
    const flags = (rule.pattern.flags.includes('i') ? 'i' : '') + (rule.pattern.flags.includes('s') ? 's' : '')
    return new RegExp(rule.pattern.source, flags + (rule.names ? 'd' : 'gd'))
  })
  const isNameRule = rules.map((rule) => rule.names !== undefined)
  const priority = rules.map((rule) => rule.priority ?? (rule.names ? 2 : 3))
  const compiled: CompiledRules = {
    rules,
    keywords: sorted,
    rulesByKeywordIndex: sorted.map((keyword) => rulesByKeyword.get(keyword) ?? []),
    // The scanner works case-insensitively; keywords written with capitals are then checked for exact case.
    scanner: buildKeywordScanner(sorted.map((keyword) => keyword.toLowerCase())),
    exactKeywords: sorted.map((keyword) => (keyword === keyword.toLowerCase() ? null : keyword)),
    keywordPattern: sorted.length > 0 ? new RegExp(sorted.map(escapeRegExp).join('|'), 'gi') : null,
    rulesByKeyword,
    patterns,
    isNameRule,
    isMultiline: rules.map((rule) => rule.multiline === true),
    priority,
    nameRuleIndices: rules.flatMap((rule, index) => (rule.names ? [index] : [])),
    nameRuleCache: new Map(),
  }
  compiledCache.set(rules, compiled)
  return compiled
}

interface Candidate {
  ruleIndex: number
  start: number
  end: number
  name: string | null
}

/** Whether a candidate survives the rule's own filters and the shared decoy filter. */
function acceptSecret(rule: Rule, secret: string): boolean {
  if (rule.entropy !== undefined && shannonEntropy(secret) < Math.min(rule.entropy, randomEntropyFloor(secret))) return false
  if (rule.allow) {
    for (const pattern of rule.allow) {
      // A `g` or `y` flag would make `test` resume from the last match; every secret starts afresh.
      pattern.lastIndex = 0
      if (pattern.test(secret)) return false
    }
  }
  // Multi-line blocks (PEM) hold dashes and runs by design, so their own verify judges the body; but a
  // reference (`outloop://…`, `${VAR}`) is never a secret, whatever rule matched it.
  if (rule.multiline ? decoyReason(secret) === 'reference' : isDecoySecret(secret)) return false
  if (rule.verify && !rule.verify(secret)) return false
  return true
}

/** Offset of the `secret` group in a match made with the `d` flag, relative to the searched string. */
function secretSpan(match: RegExpExecArray): [number, number] | null {
  const span = match.indices?.groups?.secret
  if (span) return span[0] === span[1] ? null : [span[0], span[1]]
  if (match.groups && 'secret' in match.groups) return null
  return match[0].length > 0 ? [match.index, match.index + match[0].length] : null
}

/** Runs one prefix or multi-line rule over `text[from, to)`; offsets stay relative to `text`. */
function runPatternRule(compiled: CompiledRules, ruleIndex: number, text: string, from: number, to: number, out: Candidate[]): void {
  const rule = compiled.rules[ruleIndex]
  const pattern = compiled.patterns[ruleIndex]
  const segment = from === 0 && to === text.length ? text : text.slice(from, to)
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(segment)) !== null) {
    if (match[0].length === 0) pattern.lastIndex++
    const span = secretSpan(match)
    if (!span) continue
    if (acceptSecret(rule, segment.slice(span[0], span[1]))) {
      out.push({ruleIndex, start: from + span[0], end: from + span[1], name: null})
    }
  }
}

/** Whether a name rule's `names` accepts a variable name, as written or in snake case. */
function nameMatches(rule: Rule, name: string, normalized: string): boolean {
  const names = rule.names
  if (!names) return false
  names.lastIndex = 0
  if (names.test(name)) return true
  names.lastIndex = 0
  return names.test(normalized)
}

/** The name rules (of all) that accept `name`, cached per rule set. */
function nameRulesFor(compiled: CompiledRules, name: string): readonly number[] {
  const cached = compiled.nameRuleCache.get(name)
  if (cached) return cached
  const normalized = normalizeSecretName(name)
  const accepting = compiled.nameRuleIndices.filter((ruleIndex) => nameMatches(compiled.rules[ruleIndex], name, normalized))
  if (compiled.nameRuleCache.size >= NAME_CACHE_LIMIT) compiled.nameRuleCache.clear()
  compiled.nameRuleCache.set(name, accepting)
  return accepting
}

/**
 * Runs the name rules that accept `name` on one value; `selected` (the rules the line's keywords chose)
 * narrows them when given. `valueOffset` places the value in the caller's text.
 */
function runNameRules(
  compiled: CompiledRules,
  selected: ReadonlySet<number> | null,
  name: string,
  value: string,
  valueOffset: number,
  out: Candidate[],
): void {
  if (value.length === 0 || value.length > MAX_NAMED_VALUE) return
  for (const ruleIndex of nameRulesFor(compiled, name)) {
    if (selected && !selected.has(ruleIndex)) continue
    const rule = compiled.rules[ruleIndex]
    const match = compiled.patterns[ruleIndex].exec(value)
    if (!match) continue
    const span = secretSpan(match)
    if (!span) continue
    if (acceptSecret(rule, value.slice(span[0], span[1]))) {
      out.push({ruleIndex, start: valueOffset + span[0], end: valueOffset + span[1], name})
    }
  }
}

/** Keeps the most specific detection where candidates overlap; returns them sorted by position. */
function resolveOverlaps(compiled: CompiledRules, candidates: Candidate[]): Detection[] {
  if (candidates.length === 0) return []
  candidates.sort((a, b) => a.start - b.start || b.end - a.end)
  const result: Detection[] = []
  let cluster: Candidate[] = []
  let clusterEnd = -1
  const flush = (): void => {
    if (cluster.length === 0) return
    if (cluster.length === 1) {
      const only = cluster[0]
      result.push({ruleId: compiled.rules[only.ruleIndex].id, start: only.start, end: only.end, name: only.name})
      cluster = []
      return
    }
    const ranked = [...cluster].sort(
      (a, b) =>
        compiled.priority[b.ruleIndex] - compiled.priority[a.ruleIndex] ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start ||
        a.ruleIndex - b.ruleIndex,
    )
    const kept: Candidate[] = []
    for (const candidate of ranked) {
      if (kept.some((k) => candidate.start < k.end && k.start < candidate.end)) continue
      // A name known from any overlapping candidate describes the kept one too.
      kept.push(candidate)
    }
    for (const k of kept) {
      const name = k.name ?? cluster.find((c) => c.name !== null && c.start <= k.start && c.end >= k.end)?.name ?? null
      result.push({ruleId: compiled.rules[k.ruleIndex].id, start: k.start, end: k.end, name})
    }
    cluster = []
  }
  for (const candidate of candidates) {
    if (candidate.start >= clusterEnd) {
      flush()
      clusterEnd = candidate.end
    } else if (candidate.end > clusterEnd) {
      clusterEnd = candidate.end
    }
    cluster.push(candidate)
  }
  flush()
  return result.sort((a, b) => a.start - b.start)
}

/** Gives each unnamed candidate the name of the innermost assignment whose value contains it. */
function nameCandidates(candidates: Candidate[], from: number, assignments: readonly TextAssignment[]): void {
  for (const candidate of candidates) {
    if (candidate.name !== null || candidate.start < from) continue
    let best: TextAssignment | null = null
    for (const a of assignments) {
      if (a.valueStart <= candidate.start && a.valueEnd >= candidate.end) {
        if (!best || a.valueStart >= best.valueStart) best = a
      }
    }
    if (best) candidate.name = best.name
  }
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
    else if (!compiled.rules[ruleIndex].multiline) runPatternRule(compiled, ruleIndex, text, from, to, out)
  }
  // `<apiToken>` alone on its line, the value on the next: the value line has no name of its own.
  if (hasNameRule && text.charCodeAt(to - 1 - (text.charCodeAt(to - 1) === 13 ? 1 : 0)) === 62) {
    const element = findMultilineElementAt(text, from)
    if (element) {
      elements.push(element)
      runNameRules(compiled, null, element.name, text.slice(element.valueStart, element.valueEnd), element.valueStart, out)
    }
  }
  if (!hasNameRule && out.length === firstNew) return
  const assignments = findTextAssignments(text, from, to)
  if (assignments.length === 0) return
  if (out.length > firstNew) nameCandidates(out.slice(firstNew), from, assignments)
  if (!hasNameRule) return
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

/**
 * Runs a multi-line rule on windows around its keyword hits (from a line start a little before, to well
 * past any PEM block) rather than on the whole text: a costly pattern then costs in proportion to its hits.
 */
function runMultilineRule(compiled: CompiledRules, ruleIndex: number, text: string, positions: readonly number[], out: Candidate[]): void {
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
  for (const [ruleIndex, positions] of multilineHits) {
    const firstNew = out.length
    runMultilineRule(compiled, ruleIndex, text, positions, out)
    // A block that opens inside a quoted value (`"private_key": "-----BEGIN…\n…"`) takes that value's name.
    for (const candidate of out.slice(firstNew)) {
      const lineStart = text.lastIndexOf('\n', candidate.start - 1) + 1
      const lineEnd = Math.min(candidate.start + 1, text.length)
      nameCandidates([candidate], lineStart, findTextAssignments(text, lineStart, lineEnd).map((a) => ({...a, valueEnd: text.length})))
    }
  }
  // A key found by shape on the value line of a three-line element takes the element's name.
  if (elements.length > 0) nameCandidates(out, 0, elements)
  return hitCount
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
  return {detections: resolveOverlaps(compiled, candidates), keywordHits}
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
  return resolveOverlaps(compiled, candidates)
}
