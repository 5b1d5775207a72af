import type {FormatError, LocatedValue, ValueEncoding} from './types.js'
import {lineIndex, positionAt} from './position.js'

/**
 * A located value whose encoding is inferred when not given: `raw` when the span reads as the value,
 * `escaped` otherwise — so callers only state the encodings that need knowledge (base64, multi-line).
 */
export function locatedValue(
  text: string,
  fields: {name: string | null; path: string | null; value: string; start: number; end: number; encoding?: ValueEncoding},
): LocatedValue {
  const encoding = fields.encoding ?? (text.slice(fields.start, fields.end) === fields.value ? 'raw' : 'escaped')
  return {name: fields.name, path: fields.path, value: fields.value, start: fields.start, end: fields.end, encoding}
}

/** A parse error at `offset`; `reason` must be our own words, never text from the file. */
export function formatErrorAt(text: string, offset: number, reason: string): FormatError {
  const {line, column} = positionAt(lineIndex(text), offset)
  return {line, column, reason}
}

/** Turns a library's error code (`BAD_INDENT`, `InvalidSymbol`) into words, so no library message (which may quote the line) leaks. */
export function reasonFromCode(code: string | number): string {
  const words = String(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words === '' ? 'syntax error' : words
}

/** One line of the text with its offsets; `end` excludes the line break (and a CR before it). */
export interface TextLine {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Splits text into lines keeping offsets, treating CRLF as one break. */
export function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = []
  let start = 0
  while (start <= text.length) {
    const nl = text.indexOf('\n', start)
    const breakAt = nl === -1 ? text.length : nl
    const end = breakAt > start && text[breakAt - 1] === '\r' ? breakAt - 1 : breakAt
    lines.push({start, end, text: text.slice(start, end)})
    if (nl === -1) break
    start = nl + 1
  }
  return lines
}

/** The last path segment, lower-cased, for matching file names whatever their folder. */
export function baseName(relPath: string): string {
  const slash = relPath.lastIndexOf('/')
  return relPath.slice(slash + 1)
}

/** Joins path segments with dots, skipping empty parents. */
export function joinPath(parent: string | null, segment: string | number): string {
  return parent === null || parent === '' ? String(segment) : `${parent}.${segment}`
}

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/

/** Decodes standard base64 to UTF-8 text, or null when it is not base64 of valid text (binary keys stay raw). */
export function decodeBase64Text(encoded: string): string | null {
  if (encoded.length === 0 || !BASE64_RE.test(encoded)) return null
  const bytes = Buffer.from(encoded, 'base64')
  const decoded = bytes.toString('utf8')
  if (decoded.includes('\uFFFD') || !Buffer.from(decoded, 'utf8').equals(bytes)) return null
  return decoded
}

/**
 * How deep a parsed file may nest before it is refused. Parsers and tree walks recurse once per level, and
 * a stack overflow is not always a catchable error: V8 aborts the whole process when one hits while it
 * compiles a regular expression. Real configs nest a few dozen levels at most.
 */
export const MAX_NESTING_DEPTH = 128

/**
 * The offset of the first `[` or `{` nested deeper than `limit` in JSON-like text (strings, `//` and
 * `/* *\/` comments skipped), or -1. One pass of character codes: it runs before every JSON parse.
 */
export function bracketOverflowAt(text: string, limit: number, from = 0, to = text.length): number {
  // No file can nest deeper than it has characters.
  if (to - from <= limit) return -1
  let depth = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--
    } else if (c === 0x22) {
      for (i++; i < to; i++) {
        const d = text.charCodeAt(i)
        if (d === 0x5c) i++
        else if (d === 0x22 || d === 0x0a) break
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i)
      i = nl === -1 || nl > to ? to : nl
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2)
      i = close === -1 || close > to ? to : close + 1
    }
  }
  return -1
}
