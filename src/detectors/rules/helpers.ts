import type {Rule} from '../types.js'

/** Shared building blocks for rule files: boundaries, value shapes and example contexts. */

/** Not preceded by a key character, so `xsk-…` or `abcghp_…` do not start a match mid-token. */
export const KEY_START = String.raw`(?<![A-Za-z0-9_-])`
/** Not followed by a key character, so a longer token is not cut short into a match. */
export const KEY_END = String.raw`(?![A-Za-z0-9_-])`

/** A prefix-rule pattern: `body` as the `secret` group between key boundaries. */
export function boundedPattern(body: string, flags = ''): RegExp {
  return new RegExp(`${KEY_START}(?<secret>${body})${KEY_END}`, flags)
}

/** A name-rule pattern: the whole value must have this shape. */
export function wholeValuePattern(body: string, flags = ''): RegExp {
  return new RegExp(`^(?<secret>${body})$`, flags)
}

/** `OPENAI_API_KEY` → `openaiApiKey`, for code and JSON contexts. */
export function camelCaseName(envName: string): string {
  return envName.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/**
 * Realistic places a key is pasted: a `.env` line, a shell export, a JSON field, a YAML mapping, a code
 * literal and a compose-style list entry. Each context names the key `envName` (or its camelCase form).
 */
export function secretContexts(envName: string, secret: string): string[] {
  const camel = camelCaseName(envName)
  return [
    `${envName}=${secret}`,
    `# client settings\nexport ${envName}="${secret}"\n`,
    `{\n  "name": "acme-agent",\n  "${camel}": "${secret}"\n}\n`,
    `env:\n  ${envName}: ${secret}\n`,
    `const client = createClient({ ${camel}: '${secret}', timeout: 30 })`,
    `environment:\n  - ${envName}=${secret}\n`,
  ]
}

/** Contexts for a key found by its shape alone: bare in prose, and under a neutral name. */
export function shapeContexts(secret: string): string[] {
  return [`Use this one for the staging run: ${secret} (rotated monthly)`, `value = "${secret}"`]
}

/** Replaces the character at `index` with a different one of the same class, keeping length and alphabet. */
export function corruptChar(text: string, index: number): string {
  const c = text[index]
  const replacement = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'z' ? 'a' : c === 'Z' ? 'A' : String.fromCharCode(c.charCodeAt(0) + 1)
  return text.slice(0, index) + replacement + text.slice(index + 1)
}

/**
 * A `names` matcher backed by a predicate, for name rules whose test is more than a pattern
 * (the generic rules weigh every part of a name). The engine only calls `test`.
 */
export function namePredicate(accepts: (name: string) => boolean): RegExp {
  class PredicateRegExp extends RegExp {
    override test(name: string): boolean {
      return accepts(name)
    }
    override exec(name: string): RegExpExecArray | null {
      return accepts(name) ? super.exec('') : null
    }
  }
  return new PredicateRegExp('(?:)')
}

/** What every rule spec gives: the `Rule` fields that are not derived, and the examples' ingredients. */
interface RuleSpecBase {
  readonly id: string
  readonly provider: string
  readonly description: string
  readonly keywords: readonly string[]
  readonly entropy?: number
  readonly severity: Rule['severity']
  readonly public?: boolean
  readonly publicNear?: Rule['publicNear']
  readonly pair?: Rule['pair']
  readonly fake: () => string
  readonly nonMatches: () => string[]
  readonly verify?: (secret: string) => boolean
}

/** What a prefix rule needs beyond the `Rule` fields derived from it. */
export interface PrefixRuleSpec extends RuleSpecBase {
  /** Regex source of the whole key (no boundaries, no groups named `secret`). */
  readonly body: string
  readonly flags?: string
  /** The variable name people give this key, for the example contexts. */
  readonly envName: string
  readonly allow?: readonly RegExp[]
}

/** A rule that finds a key by its own shape, with examples in `.env`, JSON, YAML, code and prose. */
export function prefixRule(spec: PrefixRuleSpec): Rule {
  return {
    id: spec.id,
    provider: spec.provider,
    description: spec.description,
    keywords: spec.keywords,
    pattern: boundedPattern(spec.body, spec.flags),
    entropy: spec.entropy,
    verify: spec.verify,
    allow: spec.allow,
    severity: spec.severity,
    ...(spec.public ? {public: true} : {}),
    ...(spec.publicNear ? {publicNear: spec.publicNear} : {}),
    ...(spec.pair ? {pair: spec.pair} : {}),
    fake: spec.fake,
    examples: {
      matches: () => [...secretContexts(spec.envName, spec.fake()), ...shapeContexts(spec.fake())],
      nonMatches: spec.nonMatches,
    },
  }
}

/** What a name rule needs: the names that hold the key and the shape of the value. */
export interface NameRuleSpec extends RuleSpecBase {
  readonly names: RegExp
  /** Regex source the whole value must match. */
  readonly body: string
  /** A name `names` accepts, for the example contexts. */
  readonly envName: string
}

/** A rule for keys with no recognisable shape, found by the name they are assigned to. */
export function nameRule(spec: NameRuleSpec): Rule {
  return {
    id: spec.id,
    provider: spec.provider,
    description: spec.description,
    keywords: spec.keywords,
    names: spec.names,
    pattern: wholeValuePattern(spec.body),
    entropy: spec.entropy,
    verify: spec.verify,
    severity: spec.severity,
    ...(spec.public ? {public: true} : {}),
    ...(spec.publicNear ? {publicNear: spec.publicNear} : {}),
    ...(spec.pair ? {pair: spec.pair} : {}),
    fake: spec.fake,
    examples: {
      matches: () => secretContexts(spec.envName, spec.fake()),
      nonMatches: spec.nonMatches,
    },
  }
}
