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
  readonly format: string
  readonly values: readonly LocatedValue[]
  readonly error?: FormatError
}

/** A file format: recognised by path, parsed purely from text. */
export interface FileFormat {
  readonly id: string
  /** Whether this format applies to a file, from its root-relative path with `/` separators (and its text, for sniffing). */
  readonly matches: (relPath: string, text: string) => boolean
  /** Locates the values in the file. Must not throw: a parse failure is returned as `error` (values may be partial). */
  readonly extract: (text: string) => FormatResult
}
