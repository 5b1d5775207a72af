import type {FileFormat, FormatId, FormatResult, LocatedValue, ValueEncoding} from './types.js'
import {baseName, decodeBase64Text, linesOf, locatedValue} from './shared.js'

/** Decodes Java `.properties` escapes (`\=`, `\:`, `\t`, `\uXXXX`). */
export function unescapeProperties(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (_m, e: string) => {
    if (e.length > 1) return String.fromCharCode(Number.parseInt(e.slice(1), 16))
    return ({t: '\t', n: '\n', r: '\r', f: '\f'} as Record<string, string>)[e] ?? e
  })
}

/** How a key/value line format differs: comment starts, escapes, and how a key maps to a name. */
interface IniDialect {
  readonly format: FormatId
  readonly properties: boolean
  /** npm keys hold `:` (`//host/:_authToken`), so only `=` separates there. */
  readonly equalsOnly?: boolean
  /** Reports a special value (npm's base64 `_auth`), or undefined for the plain one. */
  readonly special?: (key: string, value: string) => {value: string; encoding: ValueEncoding} | undefined
  readonly nameOf?: (key: string) => string
}

/**
 * `key = value` / `key: value` lines under `[section]` headers. Values are taken whole (no inline comments),
 * as Python's configparser and npm read them; a value wrapped in matching quotes is reported by its body.
 */
function extractKeyValues(text: string, dialect: IniDialect): FormatResult {
  const values: LocatedValue[] = []
  let section: string | null = null
  for (const line of linesOf(text)) {
    const header = /^[ \t]*\[([^\]\r\n]*)\][ \t]*$/.exec(line.text)
    if (header !== null) {
      section = header[1].trim()
      continue
    }
    if ((dialect.properties ? /^[ \t]*[#!]/ : /^[ \t]*[;#]/).test(line.text)) continue
    const m = dialect.properties
      ? /^([ \t]*)((?:\\.|[^=:\s\\])+)[ \t]*[=:][ \t]*(.*?)[ \t]*$/.exec(line.text)
      : dialect.equalsOnly === true
        ? /^([ \t]*)([^=\s[][^=]*?)[ \t]*=[ \t]*(.*?)[ \t]*$/.exec(line.text)
        : /^([ \t]*)([^=:\s[][^=:]*?)[ \t]*[=:][ \t]*(.*?)[ \t]*$/.exec(line.text)
    if (m === null || m[3] === '') continue
    const rawKey = m[2]
    const key = dialect.properties ? unescapeProperties(rawKey) : rawKey
    const trailing = (/[ \t]*$/.exec(line.text)?.[0] ?? '').length
    let start = line.start + line.text.length - trailing - m[3].length
    let end = start + m[3].length
    let raw = m[3]
    if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
      start++
      end--
      raw = raw.slice(1, -1)
    }
    if (raw === '') continue
    const name = dialect.nameOf?.(key) ?? key
    const path = section === null ? key : `${section}.${key}`
    const special = dialect.special?.(key, raw)
    if (special !== undefined) {
      values.push({name, path, start, end, value: special.value, encoding: special.encoding})
      continue
    }
    const value = dialect.properties ? unescapeProperties(raw) : raw
    values.push(locatedValue(text, {name, path, value, start, end}))
  }
  return {format: dialect.format, values}
}

const INI: IniDialect = {format: 'ini', properties: false}
const PROPERTIES: IniDialect = {format: 'properties', properties: true}

/** npm's `_auth` is base64 of `user:password` and `_password` base64 of the password; tokens are plain. */
const NPMRC: IniDialect = {
  format: 'npmrc',
  properties: false,
  equalsOnly: true,
  nameOf: (key) => key.slice(key.lastIndexOf(':') + 1),
  special: (key, value) => {
    const field = key.slice(key.lastIndexOf(':') + 1)
    const decoded = field === '_auth' || field === '_password' ? decodeBase64Text(value) : null
    if (decoded === null) return undefined
    if (field === '_password') return {value: decoded, encoding: 'base64'}
    const colon = decoded.indexOf(':')
    return colon >= 0 && colon < decoded.length - 1 ? {value: decoded.slice(colon + 1), encoding: 'basic-auth'} : undefined
  },
}

/** `.npmrc`: `//registry/:_authToken=…`, `_auth`, `_password`. */
export const npmrcFormat: FileFormat = {
  id: 'npmrc',
  syntax: 'npmrc', decodes: true, interpolatedBy: () => 'npm',
  // `.npmrc`, and copies kept beside it (`ci.npmrc`, `project.npmrc`)
  matches: (relPath) => baseName(relPath).endsWith('.npmrc'),
  extract: (text) => extractKeyValues(text, NPMRC),
}

/** Java-style `.properties`: escapes decoded (continuation lines are not joined). */
export const propertiesFormat: FileFormat = {
  id: 'properties',
  syntax: 'properties', namesAccounts: true,
  matches: (relPath) => /\.properties$/i.test(relPath),
  extract: (text) => extractKeyValues(text, PROPERTIES),
}

/** INI-like files: `*.ini`, `*.cfg`, `*.conf`, `.pypirc`, `.gitconfig`, AWS `credentials`/`config`, `.s3cfg`. */
export const iniFormat: FileFormat = {
  id: 'ini',
  syntax: 'ini', namesAccounts: true,
  matches: (relPath) =>
    /\.(?:ini|cfg|conf|cnf)$/i.test(relPath) ||
    /^(?:\.pypirc|\.gitconfig|\.s3cfg|\.boto|\.my\.cnf|\.pgpass\.conf)$/.test(baseName(relPath)) ||
    /(?:^|\/)\.aws\/(?:credentials|config)$/.test(relPath),
  extract: (text) => extractKeyValues(text, INI),
}
