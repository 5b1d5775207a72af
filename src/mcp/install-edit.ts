import {isDeepStrictEqual} from 'node:util'

import {createScanner, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError} from 'jsonc-parser'
import {parse as parseToml, TomlError} from 'smol-toml'

/**
 * Pure edits of agent hosts' MCP configuration files: add outloop's server entry, take it out again. Every edit
 * is a set of insertions (nothing of the user's is rewritten: comments, key order, indentation, line ends and a
 * missing final newline stay), and its exact inverse is kept, so an uninstall gives back the file byte for byte.
 */

/** The agent hosts whose MCP configuration outloop can write. */
export const MCP_HOSTS = ['claude-code', 'cursor', 'codex', 'claude-desktop'] as const
export type McpHost = (typeof MCP_HOSTS)[number]

export type McpConfigFormat = 'json' | 'toml'

/** A stdio MCP server as the hosts spell it. */
export interface McpServerEntry {
  readonly command: string
  readonly args: readonly string[]
}

/** One span an install inserted, at its offset in the text after the install (UTF-16 code units). */
export interface InsertedSpan {
  readonly at: number
  readonly text: string
}

/** Where a host reads its MCP servers, and whether that file is the folder's own or shared by every client. */
export interface McpHostConfig {
  readonly file: string
  readonly format: McpConfigFormat
  readonly scope: 'workspace' | 'user'
}

/** A configuration file outloop won't edit, with the position of the problem (never a quote of the text). */
export class McpConfigTextError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
    this.name = 'McpConfigTextError'
  }
}

/**
 * The file `host` reads MCP servers from, for the client folder `workspace` (absolute). The two editors' files
 * are the folder's own; Codex and Claude Desktop have one file per user, shared by every client.
 */
export function mcpHostConfig(host: McpHost, options: {workspace: string; env: NodeJS.ProcessEnv; homeDir: string; platform: NodeJS.Platform}): McpHostConfig {
  const join = (...parts: string[]): string => parts.join(options.platform === 'win32' ? '\\' : '/').replace(/([\\/])[\\/]+/g, '$1')
  const set = (name: string): string | undefined => (options.env[name] && options.env[name]!.trim() !== '' ? options.env[name] : undefined)
  switch (host) {
    case 'claude-code':
      return {file: join(options.workspace, '.mcp.json'), format: 'json', scope: 'workspace'}
    case 'cursor':
      return {file: join(options.workspace, '.cursor', 'mcp.json'), format: 'json', scope: 'workspace'}
    case 'codex':
      return {file: join(set('CODEX_HOME') ?? join(options.homeDir, '.codex'), 'config.toml'), format: 'toml', scope: 'user'}
    case 'claude-desktop': {
      // Electron's userData folder for the app named Claude.
      const base =
        options.platform === 'darwin'
          ? join(options.homeDir, 'Library', 'Application Support')
          : options.platform === 'win32'
            ? (set('APPDATA') ?? join(options.homeDir, 'AppData', 'Roaming'))
            : (set('XDG_CONFIG_HOME') ?? join(options.homeDir, '.config'))
      return {file: join(base, 'Claude', 'claude_desktop_config.json'), format: 'json', scope: 'user'}
    }
  }
}

/** The table or object that holds the servers, by format. */
export function mcpServersKey(format: McpConfigFormat): string {
  return format === 'json' ? 'mcpServers' : 'mcp_servers'
}

/** The entry named `name` in the file's text, if there is one. */
export function findMcpServerEntry(format: McpConfigFormat, text: string, name: string): {present: false} | {present: true; value: unknown} {
  const servers = readServers(format, text)
  return servers !== null && Object.hasOwn(servers, name) ? {present: true, value: servers[name]} : {present: false}
}

/**
 * Adds the entry `name` (which must not exist yet): into the JSON object's `mcpServers` (created if missing)
 * laid out as the file's own members are, or as a TOML table appended at the end. The result is checked by
 * parsing it: the entry is there and nothing else changed.
 */
export function insertMcpServerEntry(format: McpConfigFormat, text: string, name: string, entry: McpServerEntry): {text: string; inserted: InsertedSpan[]} {
  if (findMcpServerEntry(format, text, name).present) throw new McpConfigTextError(`it already has an MCP server named ${name}`)
  const insertions = format === 'json' ? jsonInsertions(text, name, entry) : tomlInsertions(text, name, entry)
  const {text: next, inserted} = applyInsertions(text, insertions)
  const expected = withServer(format, parseDocument(format, text), name, {command: entry.command, args: [...entry.args]})
  let result: Doc | null
  try {
    result = parseDocument(format, next)
  } catch (error) {
    if (!(error instanceof McpConfigTextError)) throw error
    result = null
  }
  if (result === null || !sameDocument(format, result, expected)) {
    throw new McpConfigTextError(`outloop can't add its entry to this file's ${mcpServersKey(format)} without changing what else it says (is it written inline?)`)
  }
  return {text: next, inserted}
}

/** The exact inverse of an insertion: the text as it was before, when `text` is the text right after it. */
export function undoMcpServerInsert(text: string, inserted: readonly InsertedSpan[]): string {
  let out = text
  for (const span of [...inserted].sort((a, b) => b.at - a.at)) {
    if (out.slice(span.at, span.at + span.text.length) !== span.text) throw new McpConfigTextError('the file is not the one outloop wrote')
    out = out.slice(0, span.at) + out.slice(span.at + span.text.length)
  }
  return out
}

/**
 * Takes the entry `name` out of a file that may have been edited by hand since: only its member (its comma, and
 * its lines when it had them to itself) or its TOML tables go; every other byte stays. Checked by parsing.
 */
export function removeMcpServerEntry(format: McpConfigFormat, text: string, name: string): string {
  if (!findMcpServerEntry(format, text, name).present) return text
  const next = format === 'json' ? removeJsonMember(text, name) : removeTomlTables(text, name)
  const expected = withoutServer(format, parseDocument(format, text), name)
  if (!sameDocument(format, parseDocument(format, next), expected)) {
    throw new McpConfigTextError(`outloop can't take its entry ${name} out of this file without changing what else it says; remove it by hand`)
  }
  return next
}

/**
 * True when the text says nothing at all: no setting, no server, no comment (an empty servers table aside).
 * A file outloop created that is back to this holds nothing of anyone's, and can go.
 */
export function isEmptyMcpConfig(format: McpConfigFormat, text: string): boolean {
  if (format === 'toml' ? /#/.test(text) : hasJsonComment(text)) return false
  return sameDocument(format, parseDocument(format, text), {})
}

// ---------------------------------------------------------------------------------------------------------
// Parsing and comparing

type Doc = Record<string, unknown>

function parseDocument(format: McpConfigFormat, text: string): Doc {
  if (format === 'toml') {
    try {
      return parseToml(text) as Doc
    } catch (error) {
      // smol-toml's message quotes the lines around the error, which may hold a key: position only.
      if (error instanceof TomlError) throw new McpConfigTextError('it is not valid TOML', error.line, error.column)
      throw error
    }
  }
  const root = parseJsonRoot(text)
  return root === null ? {} : (getNodeValue(root) as Doc)
}

function readServers(format: McpConfigFormat, text: string): Record<string, unknown> | null {
  const doc = parseDocument(format, text)
  const key = mcpServersKey(format)
  if (!Object.hasOwn(doc, key)) return null
  const servers = doc[key]
  if (servers === null || typeof servers !== 'object' || Array.isArray(servers)) throw new McpConfigTextError(`its ${key} is not ${format === 'json' ? 'an object' : 'a table'}`)
  return servers as Record<string, unknown>
}

function withServer(format: McpConfigFormat, doc: Doc, name: string, entry: unknown): Doc {
  const key = mcpServersKey(format)
  return {...doc, [key]: {...((doc[key] as Doc | undefined) ?? {}), [name]: entry}}
}

function withoutServer(format: McpConfigFormat, doc: Doc, name: string): Doc {
  const key = mcpServersKey(format)
  const servers = {...((doc[key] as Doc | undefined) ?? {})}
  delete servers[name]
  return {...doc, [key]: servers}
}

/** Equal documents, where an empty servers table counts as no table (taking out the last entry may leave one). */
function sameDocument(format: McpConfigFormat, a: Doc, b: Doc): boolean {
  const key = mcpServersKey(format)
  const norm = (doc: Doc): Doc => {
    const servers = doc[key]
    if (servers && typeof servers === 'object' && Object.keys(servers).length === 0) {
      const copy = {...doc}
      delete copy[key]
      return copy
    }
    return doc
  }
  // Through JSON: jsonc-parser's objects have no prototype and TOML dates are objects; compared as plain data.
  const plain = (doc: Doc): string => JSON.stringify(norm(doc), (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value))
  return isDeepStrictEqual(JSON.parse(plain(a)), JSON.parse(plain(b)))
}

/** The JSON (with comments) document's root object, or null for a file with nothing but whitespace and comments. */
function parseJsonRoot(text: string): Node | null {
  if (onlyTrivia(text, 0)) return null
  const errors: ParseError[] = []
  const root = parseTree(text, errors, {allowTrailingComma: true, disallowComments: false})
  if (errors.length > 0 || !root) {
    const at = lineAndColumn(text, errors[0]?.offset ?? 0)
    throw new McpConfigTextError(`it is not valid JSON (${errors[0] ? printParseErrorCode(errors[0].error) : 'empty'})`, at.line, at.column)
  }
  if (root.type !== 'object') throw new McpConfigTextError('its top level is not a JSON object')
  return root
}

function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return {line, column: offset - (before.lastIndexOf('\n') + 1) + 1}
}

// ---------------------------------------------------------------------------------------------------------
// Insertions

interface Insertion {
  readonly at: number
  readonly text: string
}

function applyInsertions(text: string, insertions: readonly Insertion[]): {text: string; inserted: InsertedSpan[]} {
  const sorted = [...insertions].sort((a, b) => a.at - b.at)
  let out = ''
  let from = 0
  const inserted: InsertedSpan[] = []
  for (const insertion of sorted) {
    out += text.slice(from, insertion.at)
    const last = inserted.at(-1)
    // Two insertions at one place are one span: the inverse then removes exactly what was put there.
    if (last && last.at + last.text.length === out.length) inserted[inserted.length - 1] = {at: last.at, text: last.text + insertion.text}
    else inserted.push({at: out.length, text: insertion.text})
    out += insertion.text
    from = insertion.at
  }
  return {text: out + text.slice(from), inserted}
}

function tomlInsertions(text: string, name: string, entry: McpServerEntry): Insertion[] {
  readServers('toml', text)
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const block = [`[mcp_servers.${tomlKey(name)}]`, `command = ${tomlString(entry.command)}`, `args = [${entry.args.map(tomlString).join(', ')}]`].join(eol) + eol
  // A blank line before the new table, as between the tables a person writes; a last line without its newline gets one.
  const separator = text === '' ? '' : text.endsWith('\n') ? eol : eol + eol
  return [{at: text.length, text: separator + block}]
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key)
}

/** A TOML basic string: JSON's escapes are all TOML escapes too. */
function tomlString(value: string): string {
  return JSON.stringify(value)
}

interface JsonLayout {
  /** One indentation step: the file's own (a tab, 2 or 4 spaces, …). */
  readonly unit: string
  readonly eol: string
  /** The whole document on one line: insert compactly, on that line. */
  readonly minified: boolean
}

function jsonInsertions(text: string, name: string, entry: McpServerEntry): Insertion[] {
  const root = parseJsonRoot(text)
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const value = {command: entry.command, args: [...entry.args]}
  if (root === null) {
    // Nothing but whitespace or comments: the document goes after them.
    const document = JSON.stringify({mcpServers: {[name]: value}}, null, 2).split('\n').join(eol)
    return [{at: text.length, text: (text === '' || text.endsWith('\n') ? '' : eol) + document + eol}]
  }
  const layout = jsonLayout(text, root, eol)
  const servers = findNodeAtLocation(root, ['mcpServers'])
  if (servers) return memberInsertions(text, servers, name, value, layout)
  return memberInsertions(text, root, 'mcpServers', {[name]: value}, layout)
}

function jsonLayout(text: string, root: Node, eol: string): JsonLayout {
  // `{}` alone is a document yet to be written, not a minified one.
  const minified = (root.children ?? []).length > 0 && !text.slice(root.offset, root.offset + root.length).includes('\n')
  const rootIndent = indentOfLine(text, root.offset)
  let unit = '  '
  for (const child of root.children ?? []) {
    if (!startsLine(text, child.offset)) continue
    const indent = indentOfLine(text, child.offset)
    if (indent.startsWith(rootIndent) && indent.length > rootIndent.length) {
      unit = indent.slice(rootIndent.length)
      break
    }
  }
  return {unit, eol, minified}
}

/** Insertions that add `"key": value` as the last member of `object`, laid out like its siblings. */
function memberInsertions(text: string, object: Node, key: string, value: unknown, layout: JsonLayout): Insertion[] {
  const members = object.children ?? []
  const last = members.at(-1)
  const lastEnd = last ? last.offset + last.length : object.offset + 1
  const trailingComma = last ? nextToken(text, lastEnd) : null
  const hasTrailingComma = trailingComma?.kind === SyntaxKind.CommaToken
  if (layout.minified) {
    const member = `${JSON.stringify(key)}:${JSON.stringify(value)}`
    // After the last member: a trailing comma that was there stays after the new one.
    return [{at: lastEnd, text: last ? `,${member}` : member}]
  }
  const objectIndent = indentOfLine(text, object.offset)
  const memberIndent = members[0] && startsLine(text, members[0].offset) ? indentOfLine(text, members[0].offset) : objectIndent + layout.unit
  const member = `${JSON.stringify(key)}: ${JSON.stringify(value, null, layout.unit).split('\n').join(layout.eol + memberIndent)}`
  const objectOnOneLine = !text.slice(object.offset, object.offset + object.length).includes('\n')
  if (!last) {
    if (objectOnOneLine) return [{at: object.offset + 1, text: layout.eol + memberIndent + member + layout.eol + objectIndent}]
    // `{` ends its line (perhaps after a comment): the member gets the next line.
    const lineEnd = triviaToLineEnd(text, object.offset + 1)
    return [{at: lineEnd ?? object.offset + 1, text: layout.eol + memberIndent + member}]
  }
  const anchor = hasTrailingComma ? trailingComma!.offset + 1 : lastEnd
  const lineEnd = objectOnOneLine ? null : triviaToLineEnd(text, anchor)
  if (lineEnd === null) {
    // Something else follows on the last member's line (`}` of a one-line object): stay on that line.
    const inline = `${JSON.stringify(key)}: ${JSON.stringify(value)}`
    return hasTrailingComma ? [{at: anchor, text: ` ${inline},`}] : [{at: lastEnd, text: `, ${inline}`}]
  }
  // The new member gets its own line after the last one's (and after any comment that ends that line).
  return hasTrailingComma ? [{at: lineEnd, text: layout.eol + memberIndent + member + ','}] : [{at: lastEnd, text: ','}, {at: lineEnd, text: layout.eol + memberIndent + member}]
}

// ---------------------------------------------------------------------------------------------------------
// Removals

function removeJsonMember(text: string, name: string): string {
  const root = parseJsonRoot(text)!
  const servers = findNodeAtLocation(root, ['mcpServers'])!
  const members = servers.children ?? []
  const property = findNodeAtLocation(servers, [name])!.parent!
  const index = members.indexOf(property)
  const start = property.offset
  const end = property.offset + property.length
  const after = nextToken(text, end)
  const spans: Array<[number, number]> = []
  let memberEnd = end
  if (after.kind === SyntaxKind.CommaToken) {
    // Its own comma (before the next member, or a trailing one) goes with it.
    memberEnd = after.offset + 1
  } else if (index > 0) {
    // The last member: the comma after the one before goes.
    const previous = members[index - 1]
    const comma = nextToken(text, previous.offset + previous.length)
    if (comma.kind === SyntaxKind.CommaToken) spans.push([comma.offset, comma.offset + 1])
  }
  spans.push(wholeLinesOf(text, start, memberEnd))
  let out = text
  for (const [from, to] of spans.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + out.slice(to)
  return out
}

/** `[from, to)` widened to whole lines (with one line end) when nothing else but blanks shares them. */
function wholeLinesOf(text: string, from: number, to: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1
  if (text.slice(lineStart, from).trim() !== '') return [from, to]
  const rest = /^[ \t]*(\r?\n|$)/.exec(text.slice(to))
  if (!rest) return [from, to]
  if (rest[1] !== '') return [lineStart, to + rest[0].length]
  // The last line of the file: the line end before it goes instead.
  const before = lineStart >= 2 && text[lineStart - 2] === '\r' ? 2 : lineStart >= 1 ? 1 : 0
  return [lineStart - before, to + rest[0].length]
}

/** The `[mcp_servers.<name>]` table and its sub-tables, from each header to the next table's header. */
function removeTomlTables(text: string, name: string): string {
  const lines = text.split(/(?<=\n)/)
  const starts: number[] = []
  let offset = 0
  for (const line of lines) {
    starts.push(offset)
    offset += line.length
  }
  const isHeader = (line: string): boolean => /^\s*\[/.test(line)
  const ours = (line: string): boolean => {
    const match = /^\s*\[\s*([^[\]]+?)\s*\]\s*(#.*)?\r?\n?$/.exec(line)
    if (!match) return false
    const key = splitTomlKey(match[1])
    return key !== null && key.length >= 2 && key[0] === 'mcp_servers' && key[1] === name
  }
  const spans: Array<[number, number]> = []
  for (let i = 0; i < lines.length; i++) {
    if (!ours(lines[i])) continue
    let j = i + 1
    while (j < lines.length && !isHeader(lines[j])) j++
    // Blank and comment lines just before the next table belong to it.
    let k = j
    while (k > i + 1 && /^\s*(#.*)?\r?\n?$/.test(lines[k - 1])) k--
    // The blank line that set it apart from what came before goes with it (blank lines after it stay, to keep
    // the next table apart).
    const b = i > 0 && /^\s*\r?\n$/.test(lines[i - 1]) ? i - 1 : i
    spans.push([starts[b], k < lines.length ? starts[k] : text.length])
    i = j - 1
  }
  if (spans.length === 0) throw new McpConfigTextError(`its entry ${name} is not written as a [mcp_servers.${name}] table; remove it by hand`)
  let out = text
  for (const [from, to] of spans.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + out.slice(to)
  return out
}

/** A TOML dotted key's parts (`a."b.c".'d'`), or null when it isn't one. */
function splitTomlKey(key: string): string[] | null {
  const parts: string[] = []
  const pattern = /\s*(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(\.|$)/y
  let at = 0
  while (at < key.length) {
    pattern.lastIndex = at
    const match = pattern.exec(key)
    if (!match) return null
    if (match[1] !== undefined) parts.push(match[1])
    else if (match[2] !== undefined) {
      try {
        parts.push(JSON.parse(`"${match[2]}"`) as string)
      } catch {
        return null
      }
    } else parts.push(match[3])
    at = pattern.lastIndex
    if (match[4] === '') break
  }
  return parts
}

// ---------------------------------------------------------------------------------------------------------
// JSON text helpers

function nextToken(text: string, from: number): {kind: SyntaxKind; offset: number} {
  const scanner = createScanner(text, false)
  scanner.setPosition(from)
  for (;;) {
    const kind = scanner.scan()
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) continue
    return {kind, offset: scanner.getTokenOffset()}
  }
}

function hasJsonComment(text: string): boolean {
  const scanner = createScanner(text, false)
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) return true
  }
  return false
}

function onlyTrivia(text: string, from: number): boolean {
  return nextToken(text, from).kind === SyntaxKind.EOF
}

/** Where the line that `from` is on ends, when only blanks and comments come before that; null otherwise. */
function triviaToLineEnd(text: string, from: number): number | null {
  const scanner = createScanner(text, false)
  scanner.setPosition(from)
  for (;;) {
    const kind = scanner.scan()
    if (kind === SyntaxKind.LineBreakTrivia) return scanner.getTokenOffset()
    if (kind === SyntaxKind.EOF) return text.length
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineCommentTrivia) continue
    if (kind === SyntaxKind.BlockCommentTrivia && !scanner.getTokenValue().includes('\n')) continue
    return null
  }
}

function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0]
}

function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  return text.slice(lineStart, offset).trim() === ''
}
