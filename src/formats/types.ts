/**
 * How a located value's decoded form relates to the file's bytes at [start, end):
 * - `raw`: text.slice(start, end) === value (unquoted .env value, plain YAML scalar, JSON string without escapes);
 * - `escaped`: the span is a quoted-string body with escapes (JSON, YAML double-quoted, TOML basic string);
 * - `base64`: the span is base64 of value (Kubernetes `data`);
 * - `basic-auth`: the span is base64 of `user:secret` and value is the secret (Docker `auths`);
 * - `multiline`: a value spread over several lines (.env multi-line, YAML block scalar); value has them joined as the tool reads them.
 */
export type ValueEncoding = 'raw' | 'escaped' | 'base64' | 'basic-auth' | 'multiline'

/** A value a format parser found, with where it stands in the file. */
export interface LocatedValue {
  /** The nearest key name the value is assigned to (`OPENAI_API_KEY`, `Authorization`, `password`), or null. */
  readonly name: string | null
  /** Dotted path for nested structures (`services.api.environment.OPENAI_API_KEY`), or null. */
  readonly path: string | null
  /** The value as the consuming tool reads it: unquoted, unescaped, decoded. */
  readonly value: string
  /** Offsets (UTF-16 code units) of the value's encoded form in the file text; end exclusive. */
  readonly start: number
  readonly end: number
  readonly encoding: ValueEncoding
}

/** Where a parser stopped: position only, never the offending text (it may hold a secret). */
export interface FormatError {
  readonly line: number
  readonly column: number
  readonly reason: string
}

export interface FormatResult {
  /** The format id that parsed the file (`dotenv`, `compose`, `json`, …), or `text` for the line-based pass only. */
  readonly format: FormatId | 'text'
  readonly values: readonly LocatedValue[]
  readonly error?: FormatError
}

/** A file format: recognised by path, parsed purely from text. */
/** Every format's id: a typo in a comparison does not compile. */
export type FormatId =
  | 'lockfile'
  | 'pem'
  | 'dotenv'
  | 'dockerfile'
  | 'docker-config'
  | 'notebook'
  | 'json'
  | 'compose'
  | 'github-actions'
  | 'kubernetes'
  | 'yaml'
  | 'toml'
  | 'crontab'
  | 'systemd'
  | 'npmrc'
  | 'git-credentials'
  | 'netrc'
  | 'properties'
  | 'ini'
  | 'skill'
  | 'notes'
  | 'source-python'
  | 'source-shell'
  | 'source-powershell'
  | 'source-c-like'

/**
 * How values are written in a format, which a rewrite must keep: rewrite/encode.ts turns it (and the quotes
 * around a value) into the exact escaping. `front-matter` is YAML for a value with a key path, Markdown otherwise.
 */
export type ValueSyntaxFamily =
  | 'json'
  | 'notebook'
  | 'yaml'
  | 'front-matter'
  | 'toml'
  | 'dotenv'
  | 'dockerfile'
  | 'ini'
  | 'npmrc'
  | 'properties'
  | 'systemd'
  | 'url-percent'
  | 'netrc'
  | 'code-python'
  | 'code-c-like'
  | 'code-shell'
  | 'code-powershell'
  | 'markdown'
  | 'text'

/** One file format: how a file is recognised and read, and what the scan and the rewrite need to know of it. */
export interface FileFormat {
  readonly id: FormatId
  /** How its values are written (for the rewrite). */
  readonly syntax: ValueSyntaxFamily
  /** Its parser decodes values (base64, Docker auths, notebook outputs) into text the raw file does not show: parsed even when no keyword is in the text. */
  readonly decodes?: boolean
  /** A client names its own accounts here (env files, agent, container and CI configs): account names are collected. */
  readonly namesAccounts?: boolean
  /** The tool that expands `${VAR}` in this file, when one does (`migrate --interpolation tool`). */
  readonly interpolatedBy?: (relPath: string) => string | undefined
  /** Whether this format applies to a file, from its root-relative path with `/` separators (and its text, for sniffing). */
  readonly matches: (relPath: string, text: string) => boolean
  /** Locates the values in the file. Must not throw: a parse failure is returned as `error` (values may be partial). */
  readonly extract: (text: string) => FormatResult
}
