import type {FileFormat, FormatId, FormatResult, LocatedValue} from './types.js'
import {formatErrorAt, locatedValue, MAX_NESTING_DEPTH} from './shared.js'

class TomlScanError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason)
  }
}

const BASIC_ESCAPES: Record<string, string> = {b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\'}

/** Decodes a TOML basic-string body (single- or multi-line) as TOML 1.0/1.1 readers do. */
export function unescapeTomlBasic(body: string): string {
  return body.replace(/\\(?:[ \t]*\r?\n[ \t\r\n]*|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[\s\S])/g, (m) => {
    const e = m[1]
    if (e === 'u' || e === 'U' || e === 'x') return String.fromCodePoint(Number.parseInt(m.slice(2), 16))
    if (e in BASIC_ESCAPES) return BASIC_ESCAPES[e]
    if (/^\\[ \t]*\r?\n/.test(m)) return ''
    return m
  })
}

/** Drops the newline that may follow an opening `"""`/`'''`: it is not part of the value. */
function trimLeadingNewline(body: string): string {
  if (body.startsWith('\r\n')) return body.slice(2)
  return body.startsWith('\n') ? body.slice(1) : body
}

/**
 * A small TOML scanner that keeps positions (smol-toml, like most TOML libraries, gives none): tables,
 * arrays of tables, dotted keys, inline tables, arrays, and all four string kinds. Non-string values are
 * skipped over, not interpreted.
 */
export function extractTomlValues(text: string, format: FormatId = 'toml'): FormatResult {
  const values: LocatedValue[] = []
  const tableCounts = new Map<string, number>()
  let i = 0

  const skipSpaces = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++
  }
  const skipComment = (): void => {
    if (text[i] === '#') while (i < text.length && text[i] !== '\n') i++
  }
  const skipBlank = (): void => {
    for (;;) {
      skipSpaces()
      skipComment()
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2
      else if (text[i] === '\n') i++
      else return
    }
  }
  const expectLineEnd = (): void => {
    skipSpaces()
    skipComment()
    if (i < text.length && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) throw new TomlScanError(i, 'expected end of line')
  }
  const quotedKey = (): string => {
    const q = text[i]
    const start = i + 1
    for (let j = start; j < text.length && text[j] !== '\n'; j++) {
      if (q === '"' && text[j] === '\\') {
        j++
        continue
      }
      if (text[j] === q) {
        i = j + 1
        const body = text.slice(start, j)
        return q === '"' ? unescapeTomlBasic(body) : body
      }
    }
    throw new TomlScanError(i, 'unterminated quoted key')
  }
  const parseKey = (): string[] => {
    const segments: string[] = []
    for (;;) {
      skipSpaces()
      if (text[i] === '"' || text[i] === "'") segments.push(quotedKey())
      else {
        const m = /[A-Za-z0-9_-]+/y
        m.lastIndex = i
        const found = m.exec(text)
        if (found === null) throw new TomlScanError(i, 'expected a key')
        segments.push(found[0])
        i += found[0].length
      }
      skipSpaces()
      if (text[i] !== '.') return segments
      i++
    }
  }
  const push = (segments: string[], name: string | null, start: number, end: number, value: string, multiline: boolean): void => {
    if (value === '') return
    const encoding = multiline && text.slice(start, end).includes('\n') ? 'multiline' : undefined
    values.push(locatedValue(text, {name, path: segments.join('.'), value, start, end, encoding}))
  }
  const parseValue = (segments: string[], name: string | null, depth: number): void => {
    if (depth >= MAX_NESTING_DEPTH) throw new TomlScanError(i, 'nesting too deep')
    const c = text[i]
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const delimiter = text.slice(i, i + 3)
      const start = i + 3
      let close = text.indexOf(delimiter, start)
      if (delimiter === '"""') {
        while (close !== -1 && isEscaped(text, close)) close = text.indexOf(delimiter, close + 1)
      }
      if (close === -1) throw new TomlScanError(i, 'unterminated multi-line string')
      // Up to two quotes right before the closing delimiter belong to the value.
      for (let extra = 0; extra < 2 && text[close + 3] === delimiter[0]; extra++) close++
      const body = text.slice(start, close)
      const value = delimiter === '"""' ? unescapeTomlBasic(trimLeadingNewline(body)) : trimLeadingNewline(body)
      push(segments, name, start, close, value, true)
      i = close + 3
      return
    }
    if (c === '"' || c === "'") {
      const start = i + 1
      let close = -1
      for (let j = start; j < text.length && text[j] !== '\n'; j++) {
        if (c === '"' && text[j] === '\\') {
          j++
          continue
        }
        if (text[j] === c) {
          close = j
          break
        }
      }
      if (close === -1) throw new TomlScanError(i, 'unterminated string')
      const body = text.slice(start, close)
      push(segments, name, start, close, c === '"' ? unescapeTomlBasic(body) : body, false)
      i = close + 1
      return
    }
    if (c === '{') {
      i++
      for (;;) {
        skipBlank()
        if (text[i] === '}') {
          i++
          return
        }
        const key = parseKey()
        if (text[i] !== '=') throw new TomlScanError(i, 'expected "="')
        i++
        skipSpaces()
        parseValue([...segments, ...key], key[key.length - 1], depth + 1)
        skipBlank()
        if (text[i] === ',') i++
        else if (text[i] !== '}') throw new TomlScanError(i, 'expected "," or "}"')
      }
    }
    if (c === '[') {
      i++
      for (let index = 0; ; index++) {
        skipBlank()
        if (text[i] === ']') {
          i++
          return
        }
        parseValue([...segments, String(index)], name, depth + 1)
        skipBlank()
        if (text[i] === ',') i++
        else if (text[i] !== ']') throw new TomlScanError(i, 'expected "," or "]"')
      }
    }
    const m = /[0-9A-Za-z+\-_.:]+(?: [0-9][0-9:.+\-Zz]*)?/y
    m.lastIndex = i
    const found = m.exec(text)
    if (found === null) throw new TomlScanError(i, 'expected a value')
    i += found[0].length
  }

  let table: string[] = []
  try {
    for (;;) {
      skipBlank()
      if (i >= text.length) break
      if (text[i] === '[') {
        const isArray = text[i + 1] === '['
        i += isArray ? 2 : 1
        const key = parseKey()
        if (text[i] !== ']' || (isArray && text[i + 1] !== ']')) throw new TomlScanError(i, 'expected "]"')
        i += isArray ? 2 : 1
        // A sub-table of an array of tables (`[servers.env]` after `[[servers]]`) belongs to its last element.
        table = []
        for (let k = 0; k < key.length; k++) {
          table.push(key[k])
          const joined = key.slice(0, k + 1).join('\u0000')
          const isLast = k === key.length - 1
          if (isArray && isLast) {
            const n = (tableCounts.get(joined) ?? 0) + 1
            tableCounts.set(joined, n)
            table.push(String(n - 1))
          } else if (tableCounts.has(joined)) table.push(String((tableCounts.get(joined) ?? 1) - 1))
        }
        expectLineEnd()
        continue
      }
      const key = parseKey()
      if (text[i] !== '=') throw new TomlScanError(i, 'expected "="')
      i++
      skipSpaces()
      parseValue([...table, ...key], key[key.length - 1], 0)
      expectLineEnd()
    }
  } catch (error) {
    if (!(error instanceof TomlScanError)) throw error
    return {format, values, error: formatErrorAt(text, error.offset, error.reason)}
  }
  return {format, values}
}

/** Is the character at `at` preceded by an odd number of backslashes? */
function isEscaped(text: string, at: number): boolean {
  let n = 0
  for (let j = at - 1; j >= 0 && text[j] === '\\'; j--) n++
  return n % 2 === 1
}

/** TOML: Codex `config.toml` (`[mcp_servers.x.env]`, `http_headers`), `pyproject.toml`, any `*.toml`. */
export const tomlFormat: FileFormat = {
  id: 'toml',
  syntax: 'toml', namesAccounts: true,
  matches: (relPath) => /\.toml$/i.test(relPath),
  extract: (text) => extractTomlValues(text),
}
