import {formatById} from '../formats/index.js'
import type {LocatedValue} from '../formats/types.js'

/**
 * The syntax a replacement is written into: how to escape text for it, and how it is called in the plan.
 * `encode` returns undefined when the syntax cannot hold the text at all (a `'` inside a single-quoted shell
 * string), so the planner can requote or refuse instead of writing a broken file.
 */
export interface ValueSyntax {
  readonly id: string
  /** Words for the plan: "a JSON string", "an unquoted .env value". */
  readonly label: string
  /** Whether the value sits between quotes in the file (so requoting never applies). */
  readonly quoted: boolean
  readonly encode: (text: string) => string | undefined
}

/** JSON string body: JSON.stringify's escapes, which YAML double-quoted and TOML basic strings also read. */
function jsonBody(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

const forbid =
  (pattern: RegExp, encode: (text: string) => string = (t) => t) =>
  (text: string): string | undefined =>
    pattern.test(text) ? undefined : encode(text)

/** Characters that end or change an unquoted word in line-oriented configs (.env, Dockerfile, ini, netrc). */
const UNSAFE_BARE = /[\s'"`\\#;$]/

const SYNTAXES = {
  json: {id: 'json', label: 'a JSON string', quoted: true, encode: jsonBody},
  notebook: {
    id: 'notebook',
    label: "a Python string inside a notebook's JSON",
    quoted: true,
    // Two layers of escaping (Python inside JSON); a reference needs neither, so anything that would is refused.
    encode: forbid(/[\\"'\n\r\t\u0000-\u001f]/),
  },
  'yaml-double': {id: 'yaml-double', label: 'a YAML double-quoted string', quoted: true, encode: jsonBody},
  'yaml-single': {id: 'yaml-single', label: 'a YAML single-quoted string', quoted: true, encode: forbid(/[\n\r]/, (t) => t.replace(/'/g, "''"))},
  'yaml-plain': {
    id: 'yaml-plain',
    label: 'a plain YAML scalar',
    quoted: false,
    encode: forbid(/^[\s\-?:,[\]{}#&*!|>'"%@`]|[\n\r\t]|: | #|:$|\s$/),
  },
  'yaml-block': {id: 'yaml-block', label: 'a line of a YAML block scalar', quoted: false, encode: forbid(/[\n\r]/)},
  'toml-basic': {id: 'toml-basic', label: 'a TOML basic string', quoted: true, encode: jsonBody},
  'toml-multiline-basic': {id: 'toml-multiline-basic', label: 'a TOML multi-line string', quoted: true, encode: jsonBody},
  'toml-literal': {id: 'toml-literal', label: 'a TOML literal string', quoted: true, encode: forbid(/['\n\r]/)},
  'toml-multiline-literal': {id: 'toml-multiline-literal', label: 'a TOML multi-line literal string', quoted: true, encode: forbid(/'''/)},
  'dotenv-double': {
    id: 'dotenv-double',
    label: 'a double-quoted .env value',
    quoted: true,
    encode: (t: string) => t.replace(/[\\"$]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r'),
  },
  'shell-single': {id: 'shell-single', label: 'a single-quoted value', quoted: true, encode: forbid(/['\n\r]/)},
  'backtick': {id: 'backtick', label: 'a backquoted value', quoted: true, encode: forbid(/[`\\\n\r]|\$\{/)},
  'dotenv-bare': {id: 'dotenv-bare', label: 'an unquoted .env value', quoted: false, encode: forbid(/[\s'"`\\]| #|^#/)},
  'shell-double': {
    id: 'shell-double',
    label: 'a double-quoted shell word',
    quoted: true,
    encode: forbid(/[\n\r]/, (t) => t.replace(/[\\"$`]/g, (c) => `\\${c}`)),
  },
  'shell-bare': {id: 'shell-bare', label: 'an unquoted shell word', quoted: false, encode: forbid(/[\s'"`\\#;$&|()<>*?[\]{}~]/)},
  'dockerfile-bare': {id: 'dockerfile-bare', label: 'an unquoted Dockerfile word', quoted: false, encode: forbid(UNSAFE_BARE)},
  'ini-bare': {id: 'ini-bare', label: 'an ini value', quoted: false, encode: forbid(/^\s|\s$|[\n\r]|^["']/)},
  'npmrc-bare': {id: 'npmrc-bare', label: 'an .npmrc value', quoted: false, encode: forbid(/^\s|\s$|[\n\r]|^["']/)},
  'ini-quoted': {id: 'ini-quoted', label: 'a quoted ini value', quoted: true, encode: forbid(/["'\n\r]/)},
  properties: {
    id: 'properties',
    label: 'a .properties value',
    quoted: false,
    encode: (t: string) => t.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/^[ \t]/, (c) => `\\${c}`),
  },
  'systemd-bare': {id: 'systemd-bare', label: 'a systemd Environment word', quoted: false, encode: forbid(/[\s"'\\%$]/)},
  'systemd-quoted': {id: 'systemd-quoted', label: 'a quoted systemd Environment word', quoted: true, encode: forbid(/[\n\r%$]/, (t) => t.replace(/[\\"']/g, (c) => `\\${c}`))},
  percent: {id: 'percent', label: 'a URL component', quoted: false, encode: encodeURIComponent},
  'netrc-token': {id: 'netrc-token', label: 'a .netrc token', quoted: false, encode: forbid(/[\s"'\\]/)},
  'code-double': {id: 'code-double', label: 'a double-quoted string literal', quoted: true, encode: forbid(/[\n\r]/, (t) => t.replace(/[\\"]/g, (c) => `\\${c}`))},
  'code-single': {id: 'code-single', label: 'a single-quoted string literal', quoted: true, encode: forbid(/[\n\r]/, (t) => t.replace(/[\\']/g, (c) => `\\${c}`))},
  'powershell-double': {
    id: 'powershell-double',
    label: 'a double-quoted PowerShell string',
    quoted: true,
    encode: forbid(/[\n\r]/, (t) => t.replace(/[`$]/g, (c) => `\`${c}`).replace(/"/g, '""')),
  },
  'powershell-single': {id: 'powershell-single', label: 'a single-quoted PowerShell string', quoted: true, encode: forbid(/[\n\r]/, (t) => t.replace(/'/g, "''"))},
  'markdown-code': {id: 'markdown-code', label: 'inline code in notes', quoted: true, encode: forbid(/[`\s]/)},
  // Prose and fences: a reference of URL characters stands anywhere a key stood; anything needing escapes is refused.
  text: {id: 'text', label: 'text', quoted: false, encode: forbid(/[\s"'`\\]/)},
} satisfies Record<string, ValueSyntax>

export type ValueSyntaxId = keyof typeof SYNTAXES

/** A syntax by id (for tests and callers that know the context). */
export function valueSyntax(id: ValueSyntaxId): ValueSyntax {
  return SYNTAXES[id]
}

/** The quote wrapping a located value's span, when the same quote closes it. */
function wrappingQuote(text: string, located: LocatedValue): string | undefined {
  const before = text[located.start - 1]
  if (before !== '"' && before !== "'" && before !== '`') return undefined
  return text[located.end] === before ? before : undefined
}

function yamlSyntax(text: string, located: LocatedValue): ValueSyntax {
  const quote = wrappingQuote(text, located)
  if (quote === '"') return SYNTAXES['yaml-double']
  if (quote === "'") return SYNTAXES['yaml-single']
  const first = text[located.start]
  if (located.encoding === 'multiline' && (first === '|' || first === '>')) return SYNTAXES['yaml-block']
  return SYNTAXES['yaml-plain']
}

function codeSyntax(quote: string | undefined, dialect: string): ValueSyntax {
  if (dialect === 'shell') return quote === '"' ? SYNTAXES['shell-double'] : quote === "'" ? SYNTAXES['shell-single'] : SYNTAXES['shell-bare']
  if (dialect === 'powershell') return quote === "'" ? SYNTAXES['powershell-single'] : SYNTAXES['powershell-double']
  if (quote === '`') return SYNTAXES.backtick
  return quote === "'" ? SYNTAXES['code-single'] : SYNTAXES['code-double']
}

/**
 * The syntax of the place a located value sits in, from the format that read it and the quotes around it.
 * Without a located value (a key found by the line pass in prose or a comment), the replacement goes into
 * plain text.
 */
export function syntaxOfLocated(format: string, text: string, located: LocatedValue | undefined): ValueSyntax {
  if (located === undefined) return SYNTAXES.text
  const quote = wrappingQuote(text, located)
  switch (formatById(format)?.syntax ?? 'text') {
    case 'json':
      return SYNTAXES.json
    case 'notebook':
      return SYNTAXES.notebook
    case 'yaml':
      return yamlSyntax(text, located)
    case 'front-matter':
      // Skill front matter is YAML (its values carry a key path); its markdown body is notes.
      return located.path !== null ? yamlSyntax(text, located) : quote === '`' ? SYNTAXES['markdown-code'] : SYNTAXES.text
    case 'toml': {
      const triple = text.slice(located.start - 3, located.start)
      if (triple === '"""') return SYNTAXES['toml-multiline-basic']
      if (triple === "'''") return SYNTAXES['toml-multiline-literal']
      return quote === "'" ? SYNTAXES['toml-literal'] : SYNTAXES['toml-basic']
    }
    case 'dotenv':
      if (quote === '"') return SYNTAXES['dotenv-double']
      if (quote === "'") return SYNTAXES['shell-single']
      if (quote === '`') return SYNTAXES.backtick
      return SYNTAXES['dotenv-bare']
    case 'dockerfile':
      if (quote === '"') return SYNTAXES['shell-double']
      if (quote === "'") return SYNTAXES['shell-single']
      return SYNTAXES['dockerfile-bare']
    case 'ini':
      return quote === undefined ? SYNTAXES['ini-bare'] : SYNTAXES['ini-quoted']
    case 'npmrc':
      return quote === undefined ? SYNTAXES['npmrc-bare'] : SYNTAXES['ini-quoted']
    case 'properties':
      return SYNTAXES.properties
    case 'systemd':
      return quote === undefined ? SYNTAXES['systemd-bare'] : SYNTAXES['systemd-quoted']
    case 'url-percent':
      return SYNTAXES.percent
    case 'netrc':
      return SYNTAXES['netrc-token']
    case 'code-python':
      return codeSyntax(quote, 'python')
    case 'code-c-like':
      return codeSyntax(quote, 'c-like')
    case 'code-shell':
      return codeSyntax(quote, 'shell')
    case 'code-powershell':
      return codeSyntax(quote, 'powershell')
    case 'markdown':
      return quote === '`' ? SYNTAXES['markdown-code'] : SYNTAXES.text
    case 'text':
      return SYNTAXES.text
  }
}

/** Double-quoted forms a bare value can be moved into when its new content needs quotes (per format). */
export function requotedSyntaxFor(syntax: ValueSyntax): ValueSyntax | undefined {
  switch (syntax.id) {
    case 'yaml-plain':
      return SYNTAXES['yaml-double']
    case 'dotenv-bare':
      return SYNTAXES['dotenv-double']
    case 'dockerfile-bare':
    case 'shell-bare':
      return SYNTAXES['shell-double']
    case 'systemd-bare':
      return SYNTAXES['systemd-quoted']
    default:
      return undefined
  }
}
