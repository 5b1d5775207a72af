import type {Rule} from './types.js'
import {CONNECTION_URI_RULES} from './rules/connection-uri.js'
import {CURL_RULES} from './rules/curl.js'
import {GENERIC_RULES} from './rules/generic.js'
import {JWT_RULES} from './rules/jwt.js'
import {PRIVATE_KEY_RULES} from './rules/private-key.js'
import {PROVIDER_RULES} from './rules/providers/index.js'

function byId(a: Rule, b: Rule): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Every rule, one explicit list sorted by id: the rules for shapes that belong to no provider (generic
 * assignments, connection URIs, curl credentials, JWTs, private keys) and every provider module's rules.
 */
export const RULES: readonly Rule[] = [
  ...CONNECTION_URI_RULES,
  ...CURL_RULES,
  ...GENERIC_RULES,
  ...JWT_RULES,
  ...PRIVATE_KEY_RULES,
  ...PROVIDER_RULES,
].sort(byId)

const rulesById = new Map(RULES.map((rule) => [rule.id, rule]))

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return rulesById.get(id)
}
