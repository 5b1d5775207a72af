import {DIGITS, LOWER, UPPER, randomString} from '../../lib/random.js'
import type {Rule, RuleExamples} from '../types.js'

/*
 * The one set of builders every rule module uses. A rule is found one of two ways, and each way has a builder
 * for the agency providers' richer examples and one for the terser long-tail specs:
 *
 * - by its own shape (`sk-proj-…`, `dapi…`): `prefixRule` (bounded by key characters, examples in `.env`, JSON,
 *   YAML, code and prose) and `tokenRule` (fenced by blob characters, examples from `wrap`);
 * - by the name it is assigned to (`MISTRAL_API_KEY=…`): `nameRule` (names given as a pattern) and `keyedRule`
 *   (names derived from the provider's words).
 *
 * `priority` (optional everywhere) ranks a rule against others on the same span; see `Rule.priority`.
 */
/** Not preceded by a key character, so `xsk-…` or `abcghp_…` do not start a match mid-token. */
export const KEY_START = String.raw`(?<![A-Za-z0-9_-])`
/** Not followed by a key character, so a longer token is not cut short into a match. */
export const KEY_END = String.raw`(?![A-Za-z0-9_-])`

/** A prefix-rule pattern: `body` as the `secret` group between key boundaries. */
export function boundedPattern(body: string, flags = '', start = KEY_START): RegExp {
  return new RegExp(`${start}(?<secret>${body})${KEY_END}`, flags)
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

/**
 * What every builder's spec gives: the `Rule` fields that are copied as they are. The builders differ only in
 * how they derive the pattern, the names, the keywords and the examples.
 */
export interface RuleSpecBase {
  readonly id: string
  readonly provider: string
  readonly description: string
  readonly entropy?: number
  readonly allow?: readonly RegExp[]
  readonly verify?: (secret: string) => boolean
  /** Default `high`. */
  readonly severity?: Rule['severity']
  readonly public?: boolean
  readonly publicNear?: Rule['publicNear']
  readonly pair?: Rule['pair']
  readonly priority?: number
  readonly fake: () => string
}

/** The `Rule` a builder derived: `spec`'s copied fields plus the derived ones. */
function ruleOf(spec: RuleSpecBase, derived: Pick<Rule, 'keywords' | 'pattern' | 'examples'> & Pick<Rule, 'names' | 'multiline'>): Rule {
  return {
    id: spec.id,
    provider: spec.provider,
    description: spec.description,
    keywords: derived.keywords,
    pattern: derived.pattern,
    ...(derived.names ? {names: derived.names} : {}),
    entropy: spec.entropy,
    allow: spec.allow,
    verify: spec.verify,
    ...(derived.multiline ? {multiline: true} : {}),
    severity: spec.severity ?? 'high',
    ...(spec.public ? {public: true} : {}),
    ...(spec.publicNear ? {publicNear: spec.publicNear} : {}),
    ...(spec.pair ? {pair: spec.pair} : {}),
    ...(spec.priority !== undefined ? {priority: spec.priority} : {}),
    fake: spec.fake,
    examples: derived.examples,
  }
}

/** What a prefix rule needs beyond the `Rule` fields derived from it. */
export interface PrefixRuleSpec extends RuleSpecBase {
  readonly keywords: readonly string[]
  /** Regex source of the whole key (no boundaries, no groups named `secret`). */
  readonly body: string
  readonly flags?: string
  /**
   * Regex source of what may come right before the key, replacing `KEY_START`: for a provider that glues its key
   * to a word of its own (Telegram's `/bot<token>/` URLs).
   */
  readonly start?: string
  /** The variable name people give this key, for the example contexts. */
  readonly envName: string
  /** Further places the key must be found in, beyond the standard contexts (the provider's own URLs). */
  readonly moreMatches?: () => string[]
  readonly nonMatches: () => string[]
}

/** A rule that finds a key by its own shape, with examples in `.env`, JSON, YAML, code and prose. */
export function prefixRule(spec: PrefixRuleSpec): Rule {
  return ruleOf(spec, {
    keywords: spec.keywords,
    pattern: boundedPattern(spec.body, spec.flags, spec.start),
    examples: {
      matches: () => [...secretContexts(spec.envName, spec.fake()), ...shapeContexts(spec.fake()), ...(spec.moreMatches?.() ?? [])],
      nonMatches: spec.nonMatches,
    },
  })
}

/** What a name rule needs: the names that hold the key and the shape of the value. */
export interface NameRuleSpec extends RuleSpecBase {
  readonly keywords: readonly string[]
  readonly names: RegExp
  /** Regex source the whole value must match. */
  readonly body: string
  /** A name `names` accepts, for the example contexts. */
  readonly envName: string
  readonly nonMatches: () => string[]
}

/** A rule for keys with no recognisable shape, found by the name they are assigned to. */
export function nameRule(spec: NameRuleSpec): Rule {
  return ruleOf(spec, {
    keywords: spec.keywords,
    names: spec.names,
    pattern: wholeValuePattern(spec.body),
    examples: {matches: () => secretContexts(spec.envName, spec.fake()), nonMatches: spec.nonMatches},
  })
}



/** Characters of a base64, base64url or hex blob: a prefix glued to one of these is part of something longer. */
const BLOB_CHAR = 'A-Za-z0-9+/_\\-'

/**
 * `datadog` → `[dD][aA]…`: a provider word in any case while the rest of the pattern keeps its case.
 * Letters inside character classes and escapes are left alone.
 */
export function anyCase(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '')
      i++
      continue
    }
    if (ch === '[') inClass = true
    else if (ch === ']') inClass = false
    const lower = ch.toLowerCase()
    const upper = ch.toUpperCase()
    out += !inClass && lower !== upper ? `[${lower}${upper}]` : ch
  }
  return out
}

/**
 * A name that mentions the provider word as a word of its own: at the start of the name, after a separator or
 * at a camel-case hump (`myDatadogKey`), and not running on in lower case (`sumo` must not match `sumObj`,
 * `etsy` not `setSysctl`, `meraki` not `CameraKit`).
 */
export function providerName(words: string): RegExp {
  return new RegExp(providerWord(words))
}

function providerWord(words: string): string {
  return `(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))(?:${anyCase(words)})(?![a-z])`
}

/** Words that say a name holds a credential rather than an identifier. */
const SECRET_WORD = anyCase('key|token|secret|pass|pwd|auth|credential')

/**
 * A name that mentions the provider and says it holds a credential (`HEROKU_API_KEY`, not `HEROKU_APP_ID`):
 * for values such as UUIDs that providers also use for plain identifiers.
 */
export function providerSecretName(words: string): RegExp {
  return new RegExp(`^(?=.*?${providerWord(words)}).*?(?:${SECRET_WORD})`)
}

/** What a token rule needs beyond the copied fields. */
export interface TokenSpec extends RuleSpecBase {
  readonly keywords: readonly string[]
  /** The key's own shape, prefix included; may hold a `secret` group when only part of it is the key. */
  readonly body: string
  /** Regex flags: `i` when the provider's prefix and alphabet are case-insensitive. */
  readonly flags?: string
  /** Characters that may not come right before the key; defaults to blob characters. Empty for none. */
  readonly before?: string
  /** Characters that may not come right after the key; defaults to blob characters and `=`. Empty for none. */
  readonly after?: string
  readonly multiline?: boolean
  /** Lines around `fake()` that must match; defaults to an env assignment and a JSON field. */
  readonly wrap?: ReadonlyArray<(key: string) => string>
  /** Near-misses, generated like the fake so they do not look like literal keys. */
  readonly nonMatches: () => string[]
}

/** Default lines a key is planted in for a rule's own examples. */
const DEFAULT_WRAPS: ReadonlyArray<(key: string) => string> = [
  (key) => `SERVICE_CREDENTIAL=${key}`,
  (key) => `  "credential": "${key}",`,
]

function examplesOf(fake: () => string, wraps: ReadonlyArray<(key: string) => string>, nonMatches: () => string[]): RuleExamples {
  return {matches: () => wraps.map((wrap) => wrap(fake())), nonMatches}
}

/** A rule for a key with its own recognisable prefix or structure. */
export function tokenRule(spec: TokenSpec): Rule {
  const before = spec.before ?? BLOB_CHAR
  const after = spec.after ?? BLOB_CHAR + '='
  const source = `${before ? `(?<![${before}])` : ''}(?:${spec.body})${after ? `(?![${after}])` : ''}`
  return ruleOf(spec, {
    keywords: spec.keywords,
    pattern: new RegExp(source, spec.flags ?? ''),
    multiline: spec.multiline,
    examples: examplesOf(spec.fake, spec.wrap ?? DEFAULT_WRAPS, spec.nonMatches),
  })
}

/** What a keyed rule needs beyond the copied fields. */
export interface KeyedSpec extends RuleSpecBase {
  /** Provider words as a regex source of lower-case letters, `|`, `?` and `[_.-]` classes, e.g. `new[_.-]?relic`. */
  readonly words: string
  /** Literals for the pre-filter; default: `words` when it is a plain word. */
  readonly keywords?: readonly string[]
  /** The value's shape (no anchors); case-sensitive unless `flags` says `i`. */
  readonly value: string
  readonly flags?: string
  /** The name must also say key/token/secret/password: the value's shape doubles as a plain identifier. */
  readonly secretNameOnly?: boolean
  /** The variable name used in the rule's own examples, e.g. `DATADOG_API_KEY`. */
  readonly exampleName: string
  /** Further near-misses beyond the built-in ones (a value of the wrong shape under the provider's name). */
  readonly nearMisses?: () => string[]
}

/** A name rule: a bare value that is a key only because the name it is assigned to names the provider. */
export function keyedRule(spec: KeyedSpec): Rule {
  const keywords = spec.keywords ?? [spec.words]
  if (keywords.some((keyword) => !/^[a-z0-9_.-]+$/.test(keyword))) {
    throw new Error(`rule ${spec.id}: keywords must be lower-case literals`)
  }
  const name = spec.exampleName
  return ruleOf(spec, {
    keywords,
    names: spec.secretNameOnly ? providerSecretName(spec.words) : providerName(spec.words),
    pattern: new RegExp(`^(?:${spec.value})$`, spec.flags ?? ''),
    examples: {
      matches: () => [`${name}=${spec.fake()}`, `  "${name.toLowerCase()}": "${spec.fake()}"`, `export ${name}='${spec.fake()}'`],
      // Too short for the provider's format; the right format under a name that does not mention the provider.
      nonMatches: () => {
        const fake = spec.fake()
        return [`${name}=${fake.slice(0, Math.ceil(fake.length / 2))}`, `UNRELATED_SETTING=${fake}`, ...(spec.nearMisses?.() ?? [])]
      },
    },
  })
}

/** Four equal characters or a mask (`xXxX`): decoy filters rightly drop keys with those, so fakes avoid them. */
const DECOY_LOOKING = /(.)\1{3}|[xX]{4}|\*{3}/

/** A random string over `alphabet` that is not a run or a mask (decoy filters drop those). */
export function randomKey(alphabet: string, length: number): string {
  for (;;) {
    const candidate = randomString(alphabet, length)
    if (!DECOY_LOOKING.test(candidate)) return candidate
  }
}

/** A random lower-case UUID. */
export function randomUuid(): string {
  const hex = '0123456789abcdef'
  return [8, 4, 4, 4, 12].map((n) => randomKey(hex, n)).join('-')
}

/** Value shape of a UUID in either case. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

/** Alphabets the fakes draw from. */
export const LOWER_ALNUM = DIGITS + LOWER
export const UPPER_ALNUM = DIGITS + UPPER
