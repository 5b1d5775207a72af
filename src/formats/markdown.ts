import type {FileFormat, FormatError, FormatResult, LocatedValue} from './types.js'
import {scanAssignments} from './dotenv.js'
import {baseName, linesOf, locatedValue} from './shared.js'
import {findCodeAssignments} from './source.js'
import type {CodeDialect} from './source.js'
import {extractYamlValues} from './yaml.js'

const FENCE_DIALECTS: Record<string, CodeDialect> = {
  bash: 'shell', sh: 'shell', shell: 'shell', zsh: 'shell', console: 'shell', shellsession: 'shell',
  python: 'python', py: 'python', ipython: 'python',
  js: 'c-like', javascript: 'c-like', ts: 'c-like', typescript: 'c-like', go: 'c-like', json: 'c-like', jsonc: 'c-like',
  powershell: 'powershell', ps1: 'powershell', pwsh: 'powershell',
}
const DOTENV_FENCES = new Set(['env', 'dotenv', 'ini', 'properties', 'text', 'txt', 'plaintext', ''])

/** A value written after a label: wholly in backticks or quotes gives the inside; a bare word is taken as is. */
function labelledValue(raw: string): {offset: number; value: string} | undefined {
  const wrapped = /^(`+|"|')(.+?)\1$/.exec(raw)
  if (wrapped !== null) return {offset: wrapped[1].length, value: wrapped[2]}
  // Prose ("Note: ask the client first") has spaces; keys do not.
  return /\s/.test(raw) ? undefined : {offset: 0, value: raw}
}

/**
 * Values in notes: `KEY=value` and `Label: value` lines, inline code spans, and assignments inside fenced
 * code blocks (read by the fence's language: shell, Python, JS-like, or dotenv for `env`/untagged fences).
 */
export function extractMarkdownValues(text: string, from = 0): LocatedValue[] {
  const values: LocatedValue[] = []
  const taken = new Set<number>()
  const add = (v: LocatedValue): void => {
    if (taken.has(v.start) || v.value === '') return
    taken.add(v.start)
    values.push(v)
  }
  const lines = linesOf(text).filter((l) => l.start >= from)
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]
    const fence = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([\w+-]*)/.exec(line.text)
    if (fence !== null) {
      let close = n + 1
      while (close < lines.length && !lines[close].text.trimStart().startsWith(fence[1])) close++
      const bodyStart = n + 1 < lines.length ? lines[n + 1].start : text.length
      const bodyEnd = close < lines.length ? lines[close].start : text.length
      const lang = fence[2].toLowerCase()
      const dialect = FENCE_DIALECTS[lang]
      if (dialect !== undefined) {
        const code = text.slice(bodyStart, bodyEnd)
        for (const a of findCodeAssignments(code, dialect)) {
          add(locatedValue(text, {name: a.name, path: null, value: a.value, start: bodyStart + a.start, end: bodyStart + a.end}))
        }
      } else if (lang === 'yaml' || lang === 'yml') {
        // Errors are ignored: a snippet in notes is often a fragment, and the line pass still reads it.
        for (const v of extractYamlValues(text, 'notes', undefined, bodyStart, bodyEnd - bodyStart).values) add(v)
      } else if (DOTENV_FENCES.has(lang)) {
        for (const v of scanAssignments(text, bodyStart, bodyEnd, {multiline: false, allowExport: true, spacedEquals: false}).values) add(v)
      }
      n = close
      continue
    }
    const assignment = /^([ \t]*(?:[-*+][ \t]+)?(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)=(\S+)/.exec(line.text)
    if (assignment !== null) {
      const v = labelledValue(assignment[3])
      if (v !== undefined) {
        const start = line.start + assignment[1].length + assignment[2].length + 1 + v.offset
        add(locatedValue(text, {name: assignment[2], path: null, value: v.value, start, end: start + v.value.length}))
      }
    }
    const label = /^([ \t]*(?:[-*+][ \t]+|\d+\.[ \t]+)?(?:\*\*|__)?)([A-Za-z][\w .()/-]{0,60}?)((?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+)(.+?)[ \t]*$/.exec(
      line.text,
    )
    if (label !== null && assignment === null) {
      const v = labelledValue(label[4])
      if (v !== undefined) {
        const start = line.start + label[1].length + label[2].length + label[3].length + v.offset
        add(locatedValue(text, {name: label[2].trim(), path: null, value: v.value, start, end: start + v.value.length}))
      }
    }
    const span = /(?<!`)`([^`\s]+)`(?!`)/g
    for (let m = span.exec(line.text); m !== null; m = span.exec(line.text)) {
      const before = line.text.slice(0, m.index)
      // Only a label that introduces the span names it (`Token: \`…\``); "Use \`…\` for billing" names nothing.
      const name = /([A-Za-z][\w.-]*)\s*(?::|=|\bis|->|→)\s*$/.exec(before)?.[1] ?? null
      const start = line.start + m.index + 1
      add(locatedValue(text, {name, path: null, value: m[1], start, end: start + m[1].length}))
    }
  }
  return values.sort((a, b) => a.start - b.start)
}

/** Markdown and plain-text notes (`*.md`, `*.txt`, …). */
export const notesFormat: FileFormat = {
  id: 'notes',
  syntax: 'markdown', namesAccounts: true,
  matches: (relPath) => /\.(?:md|markdown|mdx|txt|rst)$/i.test(relPath),
  extract: (text) => ({format: 'notes', values: extractMarkdownValues(text)}),
}

/** Agent skills: `SKILL.md` YAML frontmatter (as YAML values) followed by a markdown body. */
export function extractSkill(text: string): FormatResult {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text)
  let bodyFrom = 0
  let values: LocatedValue[] = []
  let error: FormatError | undefined
  if (open !== null) {
    const close = /^---[ \t]*$|^\.\.\.[ \t]*$/m
    const rest = text.slice(open[0].length)
    const m = close.exec(rest)
    const yamlStart = open[0].length
    const yamlEnd = m === null ? text.length : yamlStart + m.index
    const yaml = extractYamlValues(text, 'skill', undefined, yamlStart, yamlEnd - yamlStart)
    values = [...yaml.values]
    error = yaml.error
    bodyFrom = yamlEnd
  }
  values.push(...extractMarkdownValues(text, bodyFrom))
  return error === undefined ? {format: 'skill', values} : {format: 'skill', values, error}
}

/** `SKILL.md` (Claude/agent skills), matched before generic notes. */
export const skillFormat: FileFormat = {
  id: 'skill',
  syntax: 'front-matter', namesAccounts: true,
  matches: (relPath) => baseName(relPath) === 'SKILL.md',
  extract: extractSkill,
}
