import type {Node as JsonNode, ParseError} from 'jsonc-parser'
import {jsoncLibrary} from './libraries.js'
import type {FileFormat, FormatId, FormatError, FormatResult, LocatedValue} from './types.js'
import {baseName, bracketOverflowAt, decodeBase64Text, formatErrorAt, joinPath, locatedValue, MAX_NESTING_DEPTH, reasonFromCode} from './shared.js'

/** Where a JSON string sits: its key path, nearest key, and siblings when it is an array item. */
export interface JsonStringContext {
  readonly text: string
  readonly node: JsonNode
  readonly segments: readonly (string | number)[]
  readonly name: string | null
  /** The array holding the string, when it is an item (MCP `args`). */
  readonly array?: JsonNode
  readonly index?: number
}

/** A format's special reading of a string: values to report instead of the default, or undefined to keep it. */
export type JsonStringHook = (context: JsonStringContext, fallback: LocatedValue) => LocatedValue[] | undefined

/** The body of a string node (between its quotes) and its decoded value. */
function stringBody(node: JsonNode): {start: number; end: number; value: string} {
  return {start: node.offset + 1, end: node.offset + node.length - 1, value: String(node.value)}
}

/**
 * Every string value of a JSON/JSONC text (comments and trailing commas allowed, as in VS Code and Claude
 * settings), with its key as name and a dotted path. Values before a syntax error are kept. Text nested
 * deeper than MAX_NESTING_DEPTH is not parsed at all (the parser recurses per level): it gets the line pass only.
 */
export function extractJsonValues(text: string, format: FormatId, hook?: JsonStringHook): FormatResult {
  const errors: ParseError[] = []
  const values: LocatedValue[] = []
  const tooDeep = bracketOverflowAt(text, MAX_NESTING_DEPTH)
  if (tooDeep !== -1) return {format, values, error: formatErrorAt(text, tooDeep, 'nesting too deep')}
  const {parseTree, printParseErrorCode} = jsoncLibrary()
  const root = parseTree(text, errors, {allowTrailingComma: true, disallowComments: false, allowEmptyContent: true})
  const visit = (node: JsonNode, segments: (string | number)[], name: string | null, array?: JsonNode, index?: number): void => {
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? []
        if (key === undefined || value === undefined) continue
        const keyName = String(key.value)
        visit(value, [...segments, keyName], keyName)
      }
      return
    }
    if (node.type === 'array') {
      ;(node.children ?? []).forEach((child, i) => visit(child, [...segments, i], name, node, i))
      return
    }
    if (node.type !== 'string' || node.value === '' || node.length < 2 || text[node.offset + node.length - 1] !== '"') return
    const path = segments.reduce<string | null>((p, s) => joinPath(p, s), null)
    const fallback = locatedValue(text, {name, path, ...stringBody(node)})
    const special = hook?.({text, node, segments, name, array, index}, fallback)
    values.push(...(special ?? [fallback]))
  }
  if (root !== undefined) visit(root, [], null)
  const first = errors[0]
  if (first === undefined) return {format, values}
  const error: FormatError = formatErrorAt(text, first.offset, reasonFromCode(printParseErrorCode(first.error)))
  return {format, values, error}
}

// `--api-key=VALUE`, and `NAME=VALUE` as passed to `docker run -e` in docker-based MCP servers.
const FLAG_WITH_VALUE = /^(--?[A-Za-z][\w.-]*|[A-Za-z_][A-Za-z0-9_]*)=/

/**
 * MCP `args`: `--api-key VALUE` gives VALUE the flag as name, `--api-key=VALUE` and `-e NAME=VALUE` are
 * split, since servers take keys on the command line as often as in `env`.
 */
export const mcpArgsHook: JsonStringHook = (context, fallback) => {
  const {array, index, text, name} = context
  if (array === undefined || index === undefined || name !== 'args') return undefined
  const inline = FLAG_WITH_VALUE.exec(fallback.value)
  if (inline !== null && text.slice(fallback.start, fallback.start + inline[0].length) === inline[0]) {
    const value = fallback.value.slice(inline[0].length)
    if (value === '') return []
    return [locatedValue(text, {name: inline[1], path: fallback.path, value, start: fallback.start + inline[0].length, end: fallback.end})]
  }
  const previous = array.children?.[index - 1]
  if (previous?.type === 'string' && /^--?[A-Za-z][\w.-]*$/.test(String(previous.value)) && !fallback.value.startsWith('-')) {
    return [{...fallback, name: String(previous.value)}]
  }
  return undefined
}

/** Docker `auths.*.auth` is base64 of `user:secret`: the secret is the value, the span the base64. */
const dockerConfigHook: JsonStringHook = (context, fallback) => {
  const {segments} = context
  if (segments.length === 3 && segments[0] === 'auths' && segments[2] === 'auth' && fallback.encoding === 'raw') {
    const decoded = decodeBase64Text(fallback.value)
    const colon = decoded?.indexOf(':') ?? -1
    if (decoded !== null && decoded !== undefined && colon >= 0 && colon < decoded.length - 1) {
      return [{...fallback, value: decoded.slice(colon + 1), encoding: 'basic-auth'}]
    }
  }
  return undefined
}

/** Package lockfiles hold only integrity hashes and URLs: parsing them costs time and yields noise. */
export const lockfileFormat: FileFormat = {
  id: 'lockfile',
  syntax: 'text',
  matches: (relPath) =>
    /^(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|composer\.lock|Cargo\.lock|poetry\.lock|Gemfile\.lock|uv\.lock|Pipfile\.lock)$/.test(
      baseName(relPath),
    ),
  extract: () => ({format: 'lockfile', values: []}),
}

/** Docker's `config.json` (`.docker/config.json`, or any `config.json` with `auths`). */
export const dockerConfigFormat: FileFormat = {
  id: 'docker-config',
  syntax: 'json', decodes: true,
  matches: (relPath, text) =>
    /(?:^|\/)\.docker\/config\.json$/.test(relPath) || (baseName(relPath) === 'config.json' && /"auths"\s*:/.test(text)),
  extract: (text) => extractJsonValues(text, 'docker-config', dockerConfigHook),
}

/** JSON and JSONC configs: MCP (`.mcp.json`, Claude Desktop, Cursor, VS Code), Claude Code settings and hooks, any `*.json`. */
export const jsonFormat: FileFormat = {
  id: 'json',
  syntax: 'json', namesAccounts: true, interpolatedBy: (relPath) => (baseName(relPath) === '.mcp.json' ? 'Claude Code' : undefined),
  matches: (relPath) => /\.(?:json|jsonc|code-workspace)$/i.test(relPath),
  extract: (text) => extractJsonValues(text, 'json', mcpArgsHook),
}
