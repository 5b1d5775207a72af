import type {FileFormat, FormatId, FormatResult, LocatedValue} from './types.js'
import {locatedValue} from './shared.js'

/** How string literals are written and escaped; a light lexer needs no more than this to find assignments. */
export type CodeDialect = 'c-like' | 'python' | 'shell' | 'powershell'

/** A string literal assigned to a name, with offsets of the literal's body in the code. */
export interface CodeAssignment {
  readonly name: string
  readonly start: number
  readonly end: number
  readonly value: string
}

const SIMPLE_ESCAPES: Record<string, string> = {n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0'}

/** Decodes a literal's body as the language reads it (common escapes only: keys rarely hold the rest). */
export function unescapeCodeLiteral(body: string, quote: string, dialect: CodeDialect): string {
  if (dialect === 'shell') {
    if (quote === "'") return body
    return body.replace(/\\\r?\n/g, '').replace(/\\([\\"$`])/g, '$1')
  }
  if (dialect === 'powershell') {
    if (quote === "'") return body.replace(/''/g, "'")
    return body.replace(/""/g, '"').replace(/`(.)/g, (_m, c: string) => SIMPLE_ESCAPES[c] ?? c)
  }
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (m, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(Number.parseInt(e.slice(2, -1), 16))
    if (e.length > 1) return String.fromCharCode(Number.parseInt(e.slice(1), 16))
    if (e in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[e]
    if (e === '\n') return ''
    // Python keeps the backslash of an unknown escape; JS, Go and Java-likes drop it or reject the code.
    return dialect === 'python' && !'\\\'"'.includes(e) ? m : e
  })
}

interface Literal {
  readonly quote: string
  readonly open: number
  readonly close: number
}

/** Finds string literals left to right, so a quote inside one literal never starts another. */
function findLiterals(code: string, dialect: CodeDialect): Literal[] {
  const literals: Literal[] = []
  const quotes = dialect === 'c-like' ? '"\'`' : '"\''
  let i = 0
  while (i < code.length) {
    const c = code[i]
    if (dialect === 'python' && (code.startsWith('"""', i) || code.startsWith("'''", i))) {
      const close = code.indexOf(code.slice(i, i + 3), i + 3)
      i = close === -1 ? code.length : close + 3
      continue
    }
    if (!quotes.includes(c)) {
      i++
      continue
    }
    const escapes = !(dialect === 'shell' && c === "'") && !(dialect === 'powershell')
    let close = -1
    for (let j = i + 1; j < code.length; j++) {
      const d = code[j]
      if (d === '\n' && c !== '`' && !(dialect === 'shell' && c === '"')) break
      if (escapes && d === '\\') {
        j++
        continue
      }
      if (dialect === 'powershell' && d === '`') {
        j++
        continue
      }
      if (d === c) {
        if (dialect === 'powershell' && code[j + 1] === c) {
          j++
          continue
        }
        close = j
        break
      }
    }
    if (close === -1) {
      i++
      continue
    }
    literals.push({quote: c, open: i, close})
    i = close + 1
  }
  return literals
}

const NAME_BEFORE_LITERAL: readonly RegExp[] = [
  // os.environ["X"] = , ENV['X'] = , headers["Authorization"] =
  /\[\s*(["'])(?<name>[^"'\n]{1,100})\1\s*\]\s*:?=\s*$/,
  // os.environ.setdefault("X", , os.Setenv("X", , define('X',
  /\(\s*(["'])(?<name>[A-Za-z_][\w.-]{0,100})\1\s*,\s*$/,
  // "key": , 'key' => (dicts, JSON-like literals, PHP arrays)
  /(["'])(?<name>[^"'\n]{1,100})\1\s*(?::|=>|=)\s*$/,
  // PowerShell: $env:NAME =
  /\$env:(?<name>[A-Za-z_]\w*)\s*=\s*$/i,
  // Go: var Key string =
  /\b(?:var|const)\s+(?<name>[A-Za-z_]\w*)\s+[\w.[\]*]+\s*=\s*$/,
  // key = , key := , key: , key => , const key: string = , $key = , this.key =
  /(?<![\w$])\$?(?<name>[A-Za-z_][\w]*)\s*(?::\s*[^=:;,(){}"'`\n]{1,60}?\s*)?(?::=|=>|\?\?=|\|\|=|=|:)\s*$/,
]

/** Finds `name = "literal"`-like assignments in code; not a parser, a lexer that reads each literal's left side. */
export function findCodeAssignments(code: string, dialect: CodeDialect): CodeAssignment[] {
  const found: CodeAssignment[] = []
  let scanned = 0
  let lastLineStart = 0
  for (const literal of findLiterals(code, dialect)) {
    // Literals come in order, so line starts are found by one forward scan (lastIndexOf would be quadratic
    // on minified one-line bundles); only the near left side of a literal matters, so it is capped too.
    for (let nl = code.indexOf('\n', scanned); nl !== -1 && nl < literal.open; nl = code.indexOf('\n', nl + 1)) lastLineStart = nl + 1
    scanned = literal.open
    const lineStart = Math.max(lastLineStart, literal.open - 120)
    const before = code.slice(lineStart, literal.open)
    // A letter right before the quote is a string prefix (f"", r"", b"") whose body is not a plain value.
    if (/[\w$]$/.test(before)) continue
    const body = code.slice(literal.open + 1, literal.close)
    if (body === '' || (literal.quote === '`' && body.includes('${'))) continue
    let name: string | undefined
    for (const re of NAME_BEFORE_LITERAL) {
      const m = re.exec(before)
      if (m?.groups?.name !== undefined) {
        name = m.groups.name
        break
      }
    }
    if (name === undefined) continue
    found.push({name, start: literal.open + 1, end: literal.close, value: unescapeCodeLiteral(body, literal.quote, dialect)})
  }
  if (dialect === 'shell') {
    const re = /^[ \t]*(?:(?:export|local|readonly)[ \t]+|declare[ \t]+(?:-[A-Za-z]+[ \t]+)?)?([A-Za-z_]\w*)=([^\s'"`;&|()<>$\\#][^\s'"`;&|()<>$\\]*)(?=$|[ \t;&|)\r])/gm
    for (let m = re.exec(code); m !== null; m = re.exec(code)) {
      const start = m.index + m[0].length - m[2].length
      found.push({name: m[1], start, end: start + m[2].length, value: m[2]})
    }
    found.sort((a, b) => a.start - b.start)
  }
  return found
}

const DIALECT_BY_EXTENSION: Record<string, CodeDialect> = {
  py: 'python',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ksh: 'shell',
  ps1: 'powershell',
  psm1: 'powershell',
}
const C_LIKE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'go', 'rb', 'php', 'java', 'kt', 'kts', 'cs', 'rs',
  'swift', 'scala', 'groovy', 'gradle', 'dart', 'c', 'h', 'cc', 'cpp', 'hpp', 'lua', 'r', 'pl', 'ex', 'exs',
])

/** The dialect of a source file from its extension, or null for files that are not source code. */
export function codeDialectOf(relPath: string): CodeDialect | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(relPath)
  if (m === null) return null
  const ext = m[1].toLowerCase()
  if (ext in DIALECT_BY_EXTENSION) return DIALECT_BY_EXTENSION[ext]
  return C_LIKE_EXTENSIONS.has(ext) ? 'c-like' : null
}

/** Located values for code in one dialect; exported so callers that know the dialect (tests, notebooks) can reuse it. */
export function extractCodeValues(text: string, dialect: CodeDialect, format: FormatId = `source-${dialect}`): FormatResult {
  const values: LocatedValue[] = findCodeAssignments(text, dialect).map((a) =>
    locatedValue(text, {name: a.name, path: null, value: a.value, start: a.start, end: a.end}),
  )
  return {format, values}
}

/** Source files of one dialect: one format per dialect, because `extract` gets no path to tell them apart. */
export function sourceFormatFor(dialect: CodeDialect): FileFormat {
  return {
    id: `source-${dialect}`,
    syntax: `code-${dialect}`,
    matches: (relPath) => codeDialectOf(relPath) === dialect,
    extract: (text) => extractCodeValues(text, dialect, `source-${dialect}`),
  }
}
