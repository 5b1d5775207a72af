import type {SecretValue} from '../lib/secret-value.js'

/**
 * How an edit keeps the file valid and the tool that reads it working:
 * - `placeholder`: the placeholder replaces the key's bytes as written (plain values, quoted strings without escapes needed);
 * - `placeholder-escaped`: the same, escaped for the quoted string around it (JSON, YAML, TOML, shell, …);
 * - `base64-placeholder`: the field holds base64 of the placeholder (Kubernetes `data`, npm `_password`);
 * - `credential-pair`: a base64 `user:secret` field (Docker `auths`, npm `_auth`) moves whole into one entry;
 * - `whole-uri`: a URL with a key in its user-info moves whole into one entry (connection URIs, `.git-credentials`);
 * - `whole-value`: a value the key is spread over (lines, escapes, block scalars) moves whole into one entry;
 * - `key-block`: a private-key block moves whole into the vault (key files are read whole);
 * - `tool-interpolation`: `${VAR}` that the tool itself resolves (compose, `.mcp.json`, `.npmrc`), set by `outloop run`;
 * - `comment-out`: a dotenv line hard-coding a provider's base URL is commented out (`--fix-base-urls`), nothing vaulted.
 */
export type RewriteStrategyId =
  | 'placeholder'
  | 'placeholder-escaped'
  | 'base64-placeholder'
  | 'credential-pair'
  | 'whole-uri'
  | 'whole-value'
  | 'key-block'
  | 'tool-interpolation'
  | 'comment-out'

/** What one vault entry holds for an edit: the key alone, or the larger value that had to move with it. */
export type VaultEntryKind = 'secret' | 'value' | 'credential-pair' | 'uri' | 'key-block'

/** What the migration needs to name one vault entry; the value stays wrapped. */
export interface RewriteTarget {
  readonly relPath: string
  /** The rule of the (first) finding the entry stands for. */
  readonly ruleId: string
  /** The variable or field name the key was assigned to, when known: the best source of an entry name. */
  readonly name: string | null
  readonly entry: VaultEntryKind
  /** Exactly what the vault entry must hold so that resolving the placeholder gives back what the tool read. */
  readonly vaultValue: SecretValue
  /** 1-based line of the edit's first byte. */
  readonly line: number
}

/** The finding an edit stands for, without its value. */
export interface RewriteFindingRef {
  readonly ruleId: string
  readonly name: string | null
  readonly line: number
  readonly column: number
}

/** One replacement of bytes [start, end) of the original text. Holds no secret outside SecretValue wrappers. */
export interface RewriteEdit {
  readonly start: number
  readonly end: number
  /** 1-based position of `start`, for showing the plan and naming the place in errors. */
  readonly line: number
  readonly column: number
  /** The text written in place of [start, end): an encoded placeholder or `${VAR}`, never a secret. */
  readonly replacement: string
  /** The bytes the edit replaces, as planned: `applyEdits` refuses a text where they differ, `revertEdits` puts them back. */
  readonly original: SecretValue
  readonly strategy: RewriteStrategyId
  /** One sentence for the plan: what is written and why it keeps the tool working. */
  readonly reason: string
  /** `outloop://<tenant>/<secret>`. */
  readonly placeholder: string
  /** What the tool reads at this place after the rewrite: the placeholder, or `${VAR}` under tool interpolation. */
  readonly decodesTo: string
  readonly entry: VaultEntryKind
  readonly vaultValue: SecretValue
  /** Redacted preview of the vault value (prefix and last characters at most). */
  readonly preview: string
  /** Under `tool-interpolation`: the variable `outloop run` sets from the vault. */
  readonly variable?: string
  /** Set when the value's quoting had to change to hold the replacement (an unquoted value now double-quoted). */
  readonly requoted?: 'double'
  /** `kept`: the format still locates a value at this key afterwards; `replaced`: the structure itself moved (a credentials line, a key file). */
  readonly structure: 'kept' | 'replaced'
  readonly findings: readonly RewriteFindingRef[]
}

/** Everything a migration will change in one file, in file order; edits never overlap. */
export interface FileRewritePlan {
  readonly relPath: string
  /** The format that parsed the file (`dotenv`, `compose`, …) or `text`. */
  readonly format: string
  readonly edits: readonly RewriteEdit[]
  /** True when nothing but placeholders and whitespace is left: the file's content moved to the vault (key files). */
  readonly wholeFile: boolean
}

/** Where a check failed: position and our own words only, never file text. */
export interface RewriteProblem {
  readonly check: 'bytes' | 'parse' | 'values' | 'decodes' | 'rescan'
  readonly line: number
  readonly column: number
  readonly reason: string
}

export interface RewriteVerification {
  readonly ok: boolean
  readonly format: string
  readonly problems: readonly RewriteProblem[]
}
