import {RULES} from '../../src/detectors/index.js'

/** A freshly generated key of a provider's first prefix rule (one found by its shape alone). */
export function fakeKeyOf(provider: string): {key: string; rule: string} {
  const rule = RULES.find((r) => r.provider === provider && !r.names && !r.multiline && r.severity !== 'low')
  if (!rule) throw new Error(`no prefix rule for provider ${provider}`)
  return {key: rule.fake(), rule: rule.id}
}

/** A freshly generated key for one rule, by id. */
export function fakeKeyFor(ruleId: string): string {
  const rule = RULES.find((r) => r.id === ruleId)
  if (!rule) throw new Error(`no rule ${ruleId}`)
  return rule.fake()
}
