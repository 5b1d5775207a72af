import {MAX_NAMED_VALUE, normalizeSecretName, type TextAssignment} from '../assignments.js'
import {acceptSecret, secretSpan, type Candidate} from '../candidate.js'
import {NAME_CACHE_LIMIT, type CompiledRules} from '../compile.js'
import type {Rule} from '../types.js'

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
 * narrows them when given. `valueOffset` places the value in the caller's text. A name rule's keyword sits
 * in the name by construction: its `names` test the assignment's name for the provider's word.
 */
export function runNameRules(
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
      out.push({ruleIndex, ruleId: rule.id, start: valueOffset + span[0], end: valueOffset + span[1], name})
    }
  }
}

/** Gives each unnamed candidate the name of the innermost assignment whose value contains it. */
export function nameCandidates(candidates: readonly Candidate[], from: number, assignments: readonly TextAssignment[]): void {
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
