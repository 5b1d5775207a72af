import type {FileFormat, FormatResult, LocatedValue} from './types.js'
import {baseName, linesOf, locatedValue} from './shared.js'

/** One instruction after joining continuation lines, with the file offset of each of its characters. */
interface LogicalLine {
  readonly text: string
  /** map[k] is the file offset of text[k]; one extra entry for the end. */
  readonly map: readonly number[]
}

/** Joins continuation lines (`\` or the `# escape=` character), dropping comment lines inside, as BuildKit does. */
function logicalLines(text: string): LogicalLine[] {
  const escapeDirective = /^#[ \t]*escape[ \t]*=[ \t]*([\\`])/im.exec(text.slice(0, 1000))
  const escape = escapeDirective?.[1] ?? '\\'
  const out: LogicalLine[] = []
  let chars = ''
  let map: number[] = []
  for (const line of linesOf(text)) {
    const trimmed = line.text.trim()
    if (chars === '' && (trimmed === '' || trimmed.startsWith('#'))) continue
    if (chars !== '' && (trimmed === '' || trimmed.startsWith('#'))) continue
    let end = line.text.length
    while (end > 0 && /[ \t]/.test(line.text[end - 1])) end--
    const continues = end > 0 && line.text[end - 1] === escape
    const take = continues ? end - 1 : line.text.length
    for (let k = 0; k < take; k++) {
      chars += line.text[k]
      map.push(line.start + k)
    }
    if (continues) continue
    map.push(line.start + take)
    out.push({text: chars, map})
    chars = ''
    map = []
  }
  if (chars !== '') {
    map.push(map.length > 0 ? map[map.length - 1] + 1 : 0)
    out.push({text: chars, map})
  }
  return out
}

/** Decodes a shell-like word as Docker reads it: quotes removed, backslash escapes applied. */
export function unescapeDockerfileWord(word: string): string {
  let out = ''
  let quote: string | null = null
  for (let k = 0; k < word.length; k++) {
    const c = word[k]
    if (quote === "'") {
      if (c === "'") quote = null
      else out += c
    } else if (c === '\\' && k + 1 < word.length && (quote === null || '"\\$'.includes(word[k + 1]))) {
      out += word[++k]
    } else if (c === '"') {
      quote = quote === '"' ? null : '"'
    } else if (c === "'" && quote === null) {
      quote = "'"
    } else out += c
  }
  return out
}

/** Reads `KEY=value` words from `args` (logical-line coordinates) and reports each value's span. */
function pairValues(text: string, line: LogicalLine, argsStart: number, instruction: string): LocatedValue[] {
  const values: LocatedValue[] = []
  const s = line.text
  let k = argsStart
  while (k < s.length) {
    while (k < s.length && /\s/.test(s[k])) k++
    const keyStart = k
    while (k < s.length && s[k] !== '=' && !/\s/.test(s[k])) k++
    const key = s.slice(keyStart, k)
    if (s[k] !== '=') continue
    k++
    const valueStart = k
    let quote: string | null = null
    for (; k < s.length; k++) {
      const c = s[k]
      if (quote === null && /\s/.test(c)) break
      if (c === '\\' && quote !== "'") k++
      else if ((c === '"' || c === "'") && (quote === null || quote === c)) quote = quote === null ? c : null
    }
    const valueEnd = Math.min(k, s.length)
    const word = s.slice(valueStart, valueEnd)
    let spanStart = valueStart
    let spanEnd = valueEnd
    // A wholly quoted value is reported by its body, so a rewrite keeps the quotes.
    if (closingQuote(word) === word.length - 1) {
      spanStart++
      spanEnd--
    }
    const value = unescapeDockerfileWord(word)
    if (key === '' || value === '') continue
    values.push(span(text, line, key, `${instruction}.${key}`, spanStart, spanEnd, value))
  }
  return values
}

/** Where the quote opening `word` closes, or -1 when the word does not start with a quote. */
function closingQuote(word: string): number {
  const q = word[0]
  if (q !== '"' && q !== "'") return -1
  for (let k = 1; k < word.length; k++) {
    if (q === '"' && word[k] === '\\') k++
    else if (word[k] === q) return k
  }
  return -1
}

function span(text: string, line: LogicalLine, name: string, path: string, from: number, to: number, value: string): LocatedValue {
  const start = line.map[from]
  const end = line.map[to - 1] + 1
  const encoding = text.slice(start, end).includes('\n') ? 'multiline' : undefined
  return locatedValue(text, {name, path, value, start, end, encoding})
}

/** `ENV K=V`, `ENV K V` (legacy form: the rest of the line), `ARG K=V`, across continuation lines. */
export function extractDockerfileValues(text: string): FormatResult {
  const values: LocatedValue[] = []
  for (const line of logicalLines(text)) {
    const m = /^\s*(ENV|ARG)\s+/i.exec(line.text)
    if (m === null) continue
    const instruction = m[1].toUpperCase()
    const argsStart = m[0].length
    const firstWord = /^\S+/.exec(line.text.slice(argsStart))?.[0] ?? ''
    if (instruction === 'ENV' && !firstWord.includes('=')) {
      const rest = /^(\S+)\s+(.*?)\s*$/.exec(line.text.slice(argsStart))
      if (rest === null || rest[2] === '') continue
      const from = argsStart + rest[0].indexOf(rest[2], rest[1].length)
      values.push(span(text, line, rest[1], `ENV.${rest[1]}`, from, from + rest[2].length, rest[2]))
      continue
    }
    values.push(...pairValues(text, line, argsStart, instruction))
  }
  return {format: 'dockerfile', values}
}

/** `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`. */
export const dockerfileFormat: FileFormat = {
  id: 'dockerfile',
  syntax: 'dockerfile', namesAccounts: true,
  matches: (relPath) => /^(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.(?:Dockerfile|Containerfile)$/i.test(baseName(relPath)),
  extract: extractDockerfileValues,
}
