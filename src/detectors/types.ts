import type {ServiceDefinition} from '../policy/types.js'

/** Examples a rule carries: generated at test time so no live-looking literal is committed. */
export interface RuleExamples {
  /** Texts (one line or a small file) in which the rule must report exactly its own id at least once. */
  readonly matches: () => string[]
  /** Near-misses: texts in which the rule must report nothing. */
  readonly nonMatches: () => string[]
}

/**
 * A detection rule: data plus a pattern, in the gitleaks mould.
 *
 * Two kinds:
 * - prefix rules (no `names`): `pattern` runs over every line whose lower-cased text contains one of
 *   `keywords`; they find keys by their own shape (`sk-proj-…`, `ghp_…`).
 * - name rules (`names` set): keys with no recognisable shape. `pattern` is matched against the *value*
 *   of an assignment or structured field whose name matches `names` (`MISTRAL_API_KEY=…`). `keywords`
 *   still pre-filter the line or the name.
 */
export interface Rule {
  /** `<provider>-<kind>`, e.g. `openai-project-key`. Unique, kebab-case. */
  readonly id: string
  /** Display name of the provider, e.g. `OpenAI`. */
  readonly provider: string
  /** One sentence naming the risk. */
  readonly description: string
  /**
   * Literals for the cheap pre-filter; at least one. Lower-case ones match in any case; one written with
   * capitals matches only in that exact case (`AKIA`, `A3-`: in lower case they turn up in every UUID and hash).
   */
  readonly keywords: readonly string[]
  /** The secret is the named group `secret` when present, else the whole match. Flags other than `i`/`s` are ignored. */
  readonly pattern: RegExp
  /** Minimum Shannon entropy (bits per character) of the secret. */
  readonly entropy?: number
  /** A secret matching any of these is dropped (documentation examples, provider-specific decoys). */
  readonly allow?: readonly RegExp[]
  /** Structural check on the secret (checksum, JWT claims). Returning false drops the candidate. */
  readonly verify?: (secret: string) => boolean
  /** Name rules only: the variable or field names that hold this kind of key. */
  readonly names?: RegExp
  /** Multi-line rules (PEM blocks) run over the whole text rather than line by line. */
  readonly multiline?: boolean
  /** How bad a leak is; `low` for identifiers worth knowing about (client IDs) that grant little alone. */
  readonly severity: 'critical' | 'high' | 'medium' | 'low'
  /**
   * Public by design (publishable keys, Supabase anon keys, browser keys): the scanner recognises them so
   * that no broader rule reports those bytes, and then reports nothing.
   */
  readonly public?: boolean
  /**
   * Public by design in this company only: when every marker is within `chars` characters of the key (Firebase's
   * web config puts a browser key beside `authDomain` and `projectId`), it is recognised and dropped like `public`.
   */
  readonly publicNear?: {readonly markers: readonly RegExp[]; readonly chars: number}
  /**
   * The other half of a pair: a bare token of this shape within `lines` lines of the `anchor` rule's key (an AWS
   * secret on the line after its key id, in notes) is this rule's, though no name says so.
   */
  readonly pair?: {readonly anchor: string; readonly token: string; readonly lines: number}
  /**
   * Rank against other rules on the same span, highest wins. Absent: 3 for prefix rules, 2 for name rules.
   * Rules for broad shapes set it lower so any provider rule beats them: generic keys and passwords 0, whole
   * curl header or URL credentials 0.5 (a token with a shape of its own inside wins), JWTs 1.
   */
  readonly priority?: number
  /** One freshly generated secret in the provider's published format (for tests and example trees). */
  readonly fake: () => string
  readonly examples: RuleExamples
}

/** One secret found by a detector. Offsets only: the caller slices the text, so no value is copied here. */
export interface Detection {
  readonly ruleId: string
  /** Offsets (UTF-16 code units) of the secret itself in the text given to the detector; end exclusive. */
  readonly start: number
  readonly end: number
  /** The variable, key or field name the secret was assigned to, when seen. */
  readonly name: string | null
}

/** The broker's built-in service for a provider's keys, declared in the provider's rule module. */
export interface ProviderService {
  /** The service as the broker calls it: upstream, how the key is attached, SDK base-URL variables, hosts. */
  readonly preset: ServiceDefinition
  /** Whether the starter policy grants a key of this provider for the service, given its rule id and name; absent: every key. */
  readonly grants?: (hint: string) => boolean
}

/** A provider module's rules and the service they are for: one entry of `rules/providers/services.ts`. */
export interface ProviderModuleService {
  readonly rules: readonly Rule[]
  readonly service: ProviderService
}
