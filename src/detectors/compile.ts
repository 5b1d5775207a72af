import {buildKeywordScanner, type KeywordScanner} from './keyword-scanner.js'
import {rulePriority} from './overlaps.js'
import type {Rule} from './types.js'

/** A rule set prepared once for the engine: the keyword index, per-rule flags and patterns, and caches. */
export interface CompiledRules {
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
  /** Per rule: its keywords split into those matched in any case (lower-cased) and those matched exactly. */
  readonly ruleKeywords: readonly {readonly anyCase: readonly string[]; readonly exact: readonly string[]}[]
  readonly isNameRule: readonly boolean[]
  readonly isMultiline: readonly boolean[]
  /** Per rule: `rulePriority`, for the overlap resolver. */
  readonly priority: readonly number[]
  readonly nameRuleIndices: readonly number[]
  /** Name → indices of the name rules that accept it. Names repeat across lines, and matching them is costly. */
  readonly nameRuleCache: Map<string, readonly number[]>
}

/** Bound on the name cache: a generated file with millions of distinct names must not grow it without end. */
export const NAME_CACHE_LIMIT = 20000

const compiledCache = new WeakMap<readonly Rule[], CompiledRules>()

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Prepares `rules` for the engine, once per rule set (the result is cached against the array). */
export function compileRules(rules: readonly Rule[]): CompiledRules {
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
    ruleKeywords: rules.map((rule) => {
      const used = rule.keywords.filter((keyword) => keyword !== '')
      return {anyCase: used.filter((k) => k === k.toLowerCase()), exact: used.filter((k) => k !== k.toLowerCase())}
    }),
    isNameRule: rules.map((rule) => rule.names !== undefined),
    isMultiline: rules.map((rule) => rule.multiline === true),
    priority: rules.map(rulePriority),
    nameRuleIndices: rules.flatMap((rule, index) => (rule.names ? [index] : [])),
    nameRuleCache: new Map(),
  }
  compiledCache.set(rules, compiled)
  return compiled
}

/** Whether one of the rule's keywords (in its case rule) occurs in `text[from, to)`. */
export function ruleKeywordIn(compiled: CompiledRules, ruleIndex: number, text: string, from: number, to: number): boolean {
  const {anyCase, exact} = compiled.ruleKeywords[ruleIndex]
  if (from >= to) return false
  const slice = text.slice(from, to)
  for (const keyword of exact) if (slice.includes(keyword)) return true
  if (anyCase.length === 0) return false
  const lower = slice.toLowerCase()
  for (const keyword of anyCase) if (lower.includes(keyword)) return true
  return false
}
