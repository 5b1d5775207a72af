import type {FileFormat, FormatError, FormatResult, LocatedValue} from './types.js'
import {baseName, formatErrorAt, locatedValue} from './shared.js'

/** Options for scanning `KEY=value` lines, shared by the formats that embed them (crontab, markdown fences). */
export interface AssignmentScanOptions {
  /** Whether quoted values may run over several lines (dotenv yes; crontab no). */
  readonly multiline: boolean
  /** Whether `export KEY=…` is an assignment (dotenv and shell yes; crontab no). */
  readonly allowExport: boolean
  /** Whether spaces may surround `=` (crontab allows `KEY = value`). */
  readonly spacedEquals: boolean
}

export interface AssignmentScan {
  readonly values: LocatedValue[]
  readonly error?: FormatError
}

const DOTENV_OPTIONS: AssignmentScanOptions = {multiline: true, allowExport: true, spacedEquals: true}

/** Unescapes a double-quoted dotenv body the way python-dotenv and compose do; unknown escapes stay as written. */
export function unescapeDotenvDouble(body: string): string {
  return body.replace(/\r\n/g, '\n').replace(/\\([nrt"\\$])/g, (_m, c: string) => {
    if (c === 'n') return '\n'
    if (c === 'r') return '\r'
    if (c === 't') return '\t'
    return c
  })
}

/** Finds the closing quote of a value opened at `open`, honouring backslash escapes in double quotes. */
function findClosingQuote(text: string, open: number, limit: number): number {
  const quote = text[open]
  for (let i = open + 1; i < limit; i++) {
    const c = text[i]
    if (quote === '"' && c === '\\') {
      i++
      continue
    }
    if (c === quote) return i
  }
  return -1
}

/**
 * Scans `KEY=value` assignment lines in text[from, to). Lines that are not assignments (shell code in an
 * `.envrc`, prose around a fence) are skipped rather than errors, because these files mix both.
 */
export function scanAssignments(
  text: string,
  from: number,
  to: number,
  options: AssignmentScanOptions,
  pathPrefix: string | null = null,
): AssignmentScan {
  const values: LocatedValue[] = []
  let error: FormatError | undefined
  const eq = options.spacedEquals ? '[ \\t]*=[ \\t]*' : '='
  const keyRe = new RegExp(`[ \\t]*${options.allowExport ? '(?:export[ \\t]+)?' : ''}([A-Za-z_][A-Za-z0-9_.-]*)${eq}`, 'y')
  let pos = from
  while (pos < to) {
    const nl = text.indexOf('\n', pos)
    const lineEnd = nl === -1 || nl >= to ? to : nl
    const nextLine = lineEnd + 1
    keyRe.lastIndex = pos
    const m = keyRe.exec(text)
    if (m === null || m.index + m[0].length > lineEnd) {
      pos = nextLine
      continue
    }
    const name = m[1]
    const path = pathPrefix === null ? name : `${pathPrefix}.${name}`
    const vStart = pos + m[0].length
    const quote = text[vStart]
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = findClosingQuote(text, vStart, options.multiline ? to : lineEnd)
      if (close === -1) {
        error ??= formatErrorAt(text, vStart, 'unterminated quoted value')
        pos = nextLine
        continue
      }
      const body = text.slice(vStart + 1, close)
      const value = quote === '"' ? unescapeDotenvDouble(body) : body.replace(/\r\n/g, '\n')
      if (value !== '') {
        const encoding = body.includes('\n') ? 'multiline' : undefined
        values.push(locatedValue(text, {name, path, value, start: vStart + 1, end: close, encoding}))
      }
      const after = text.indexOf('\n', close)
      pos = after === -1 || after >= to ? to : after + 1
      continue
    }
    // An unquoted value ends at a `#` that follows whitespace: `pa#ss` stays whole, as python-dotenv and compose read it.
    let end = lineEnd
    const comment = /[ \t]#/.exec(text.slice(vStart, lineEnd))
    if (comment !== null) end = vStart + comment.index
    while (end > vStart && /[ \t\r]/.test(text[end - 1])) end--
    if (end > vStart && text[vStart] !== '#') {
      values.push(locatedValue(text, {name, path, value: text.slice(vStart, end), start: vStart, end}))
    }
    pos = nextLine
  }
  return error === undefined ? {values} : {values, error}
}

/** `.env`, `.env.local`, `.env.production`, `*.env`, `.envrc`. */
export const dotenvFormat: FileFormat = {
  id: 'dotenv',
  syntax: 'dotenv', namesAccounts: true,
  matches: (relPath) => {
    const base = baseName(relPath)
    return base === '.env' || base.startsWith('.env.') || base.endsWith('.env') || base === '.envrc'
  },
  extract: (text): FormatResult => {
    const scan = scanAssignments(text, 0, text.length, DOTENV_OPTIONS)
    return scan.error === undefined ? {format: 'dotenv', values: scan.values} : {format: 'dotenv', values: scan.values, error: scan.error}
  },
}
