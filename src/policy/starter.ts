import {stringify} from 'yaml'

import {PROVIDER_SERVICES} from '../detectors/rules/providers/services.js'
import type {ProviderModuleService} from '../detectors/types.js'

/** A migrated vault entry as the starter policy sees it: who owns it and what detected it (never a value). */
export interface StarterPolicyEntry {
  readonly tenant: string
  readonly name: string
  /** The detector's provider display name ('OpenAI', 'Mistral AI', …), null when unknown. */
  readonly provider: string | null
  /** The detector's rule; null for an entry read back from the vault, which keeps the provider only. */
  readonly ruleId: string | null
}

/** The starter policy's text, how many grants it holds, and the entries it could not grant. */
export interface StarterPolicy {
  readonly text: string
  readonly granted: number
  readonly ungranted: {tenant: string; name: string}[]
}

// The same alphabet the policy parser accepts for client and secret names.
const NAME = /^[a-z0-9][a-z0-9._-]*$/

/**
 * The provider module (with a service preset) an entry's key came from: the module holding its rule, or for an
 * entry read back from the vault (no rule), the module whose rules carry its provider's name. An entry without
 * a provider has no known detector, and anything else (AWS, Azure OpenAI, a generic key) has no preset the
 * broker could call with it.
 */
function serviceModuleFor(entry: Pick<StarterPolicyEntry, 'provider' | 'ruleId'>): ProviderModuleService | undefined {
  if (entry.provider === null) return undefined
  const byRule = entry.ruleId === null ? undefined : PROVIDER_SERVICES.find((module) => module.rules.some((rule) => rule.id === entry.ruleId))
  return byRule ?? PROVIDER_SERVICES.find((module) => module.rules.some((rule) => rule.provider === entry.provider))
}

/**
 * The built-in service an entry's key is meant for, or null. A webhook URL or signing secret is not an API
 * key the broker could attach; a provider module may narrow further which of its keys it grants (Google's
 * grants Gemini only when the rule or name says Gemini).
 */
export function starterServiceFor(entry: Pick<StarterPolicyEntry, 'provider' | 'ruleId'> & {readonly name?: string}): string | null {
  // What the key is for, said by its rule or the name it was given (`google-gemini-api-key` from GEMINI_API_KEY).
  const hint = `${entry.ruleId ?? ''} ${entry.name ?? ''}`
  if (/webhook|signing/.test(hint)) return null
  const service = serviceModuleFor(entry)?.service
  if (service === undefined || (service.grants !== undefined && !service.grants(hint))) return null
  return service.preset.name
}

const HEADER = `# outloop access policy, written after migration.
#
# Each client may use only its own migrated keys, each with the built-in service of its provider.
# Anything not granted here is denied: other clients' keys, other services, keys listed only in a comment.
#
# A grant allows any method and any path until you narrow it, for example:
#     - secret: openai-api-key
#       service: openai
#       methods: [POST]                      # default: any method
#       paths: ["/v1/chat/completions"]      # * one path segment, ** any depth; default /**
#
# A key for a service without a built-in preset needs that service described first:
# services:
#   crm:
#     upstream: https://api.crm.example.com
#     header: "Authorization: Bearer {secret}"   # or  query: api_key
#
# See README, "Access layer". A running broker picks up edits from the next request; an edit that does not parse is not loaded.
`

/** A YAML scalar as the parser will read it back: plain when that round-trips, quoted otherwise (`1e5`, `null`). */
function yamlScalar(text: string): string {
  return stringify(text).trimEnd()
}

/**
 * A policy granting each client only its own migrated entries, each for its provider's built-in service,
 * with default methods and paths. Entries without a preset are listed as comments under their client.
 */
export function starterPolicyText(entries: readonly StarterPolicyEntry[]): StarterPolicy {
  const byTenant = new Map<string, Map<string, StarterPolicyEntry>>()
  for (const entry of entries) {
    const names = byTenant.get(entry.tenant) ?? new Map<string, StarterPolicyEntry>()
    if (!names.has(entry.name)) names.set(entry.name, entry)
    byTenant.set(entry.tenant, names)
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  const lines: string[] = []
  const ungranted: {tenant: string; name: string}[] = []
  let granted = 0
  for (const tenant of [...byTenant.keys()].sort(order)) {
    const names = byTenant.get(tenant)!
    const sorted = [...names.keys()].sort(order)
    if (!NAME.test(tenant)) {
      // The parser would reject the whole file over one bad client name; leave it out and say so.
      lines.push(`  # ${JSON.stringify(tenant)}: not a valid client name, so none of its keys is granted`)
      for (const name of sorted) ungranted.push({tenant, name})
      continue
    }
    const grants: string[] = []
    const notes: string[] = []
    for (const name of sorted) {
      const service = NAME.test(name) ? starterServiceFor({...names.get(name)!, name}) : null
      if (service === null) {
        ungranted.push({tenant, name})
        notes.push(
          NAME.test(name)
            ? `    # outloop://${tenant}/${name}: no built-in service; add one under services: and grant it here`
            : `    # ${JSON.stringify(name)}: not a valid secret name, so it can't be granted`,
        )
        continue
      }
      granted++
      grants.push(`    - secret: ${yamlScalar(name)}    # outloop://${tenant}/${name}`, `      service: ${service}`)
    }
    lines.push(grants.length > 0 ? `  ${yamlScalar(tenant)}:` : `  ${yamlScalar(tenant)}: []`, ...grants, ...notes)
  }
  const body = lines.some((line) => !line.trimStart().startsWith('#')) ? `clients:\n${lines.join('\n')}\n` : `clients: {}\n${lines.map((l) => `${l}\n`).join('')}`
  return {text: `${HEADER}\n${body}`, granted, ungranted}
}
