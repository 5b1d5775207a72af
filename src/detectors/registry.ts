import type {Rule} from './types.js'
import {GENERIC_RULES} from './rules/generic.js'
import {LONGTAIL_RULES} from './rules/longtail/index.js'
import {OPENAI_RULES} from './rules/openai.js'

function byId(a: Rule, b: Rule): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Every rule, one explicit list sorted by id: the agency providers, the generic rules and the long tail. */
export const RULES: readonly Rule[] = [...GENERIC_RULES, ...OPENAI_RULES, ...LONGTAIL_RULES].sort(byId)

const rulesById = new Map(RULES.map((rule) => [rule.id, rule]))

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return rulesById.get(id)
}
