import type {CST, Document, Node as YamlNode, Scalar} from 'yaml'
import {yamlLibrary} from './libraries.js'
import type {FileFormat, FormatId, FormatError, FormatResult, LocatedValue, ValueEncoding} from './types.js'
import {baseName, bracketOverflowAt, decodeBase64Text, formatErrorAt, joinPath, locatedValue, MAX_NESTING_DEPTH, reasonFromCode} from './shared.js'

/**
 * The offset of the first CST node nested deeper than `limit`, or -1. The yaml library's parser keeps its
 * own stack, but its composer (and our walk) recurse once per level, so depth is measured between the two.
 */
function cstOverflowAt(tokens: readonly CST.Token[], limit: number): number {
  const stack: Array<{token: CST.Token; depth: number}> = tokens.map((token) => ({token, depth: 0}))
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const {token, depth} = next
    if (token.type === 'document') {
      if (token.value) stack.push({token: token.value, depth})
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limit) return token.offset
      for (const item of token.items) {
        if (item.key) stack.push({token: item.key, depth: depth + 1})
        if (item.value) stack.push({token: item.value, depth: depth + 1})
      }
    }
  }
  return -1
}

/**
 * Parses YAML documents, or says where they nest too deep to compose. A cheap count of brackets first
 * turns away megabytes of `[[[[` before the parser spends seconds on them.
 */
export function parseYamlSafely(source: string, options: {uniqueKeys?: boolean} = {}): {docs: Document.Parsed[]; tooDeepAt: number} {
  const flood = bracketOverflowAt(source, 4 * MAX_NESTING_DEPTH)
  if (flood !== -1) return {docs: [], tooDeepAt: flood}
  const {Composer, Parser} = yamlLibrary()
  const tokens = Array.from(new Parser().parse(source))
  const tooDeepAt = cstOverflowAt(tokens, MAX_NESTING_DEPTH)
  if (tooDeepAt !== -1) return {docs: [], tooDeepAt}
  return {docs: Array.from(new Composer({prettyErrors: false, uniqueKeys: options.uniqueKeys ?? true}).compose(tokens)), tooDeepAt}
}

/** Where a scalar sits: its key path from the document root and the document's root node (for `kind:` checks). */
export interface YamlScalarContext {
  readonly text: string
  readonly scalar: Scalar
  /** Key path segments; sequence items contribute their index. */
  readonly segments: readonly (string | number)[]
  /** The nearest map key above the scalar. */
  readonly name: string | null
  readonly root: unknown
  /** Whether the scalar is an item of a sequence (compose `environment: [- KEY=value]`). */
  readonly inSequence: boolean
}

/**
 * A format's special reading of a scalar: a list of values to report instead of the default one, or
 * undefined to keep the default. Returning [] drops the scalar (compose `env_file` names a file, not a value).
 */
export type YamlScalarHook = (context: YamlScalarContext, defaultValue: LocatedValue) => LocatedValue[] | undefined

/** The encoded span of a scalar: quote bodies for quoted scalars, the whole block (header included) for block scalars. */
function scalarSpan(text: string, scalar: Scalar, base: number): {start: number; end: number; encoding?: ValueEncoding} | undefined {
  const [s, e] = scalar.range ?? [0, 0]
  const start = base + s
  const end = base + e
  if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') {
    // An unterminated quote is where the parse failed: its extent is a guess, so it is not reported.
    if (end - start < 2 || text[end - 1] !== text[start]) return undefined
    const encoding = text.slice(start + 1, end - 1).includes('\n') ? 'multiline' : undefined
    return {start: start + 1, end: end - 1, encoding}
  }
  if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') return {start, end, encoding: 'multiline'}
  const raw = text.slice(start, end)
  return {start, end, encoding: raw.includes('\n') && raw !== scalar.value ? 'multiline' : undefined}
}

/**
 * Every string scalar of the YAML in text[base, base+length), as located values. Aliases are skipped so an
 * anchored value is reported once, at the anchor. Library messages are dropped (they quote the source line).
 */
export function extractYamlValues(
  text: string,
  format: FormatId,
  hook?: YamlScalarHook,
  base = 0,
  length = text.length - base,
): FormatResult {
  const {isAlias, isMap, isPair, isScalar, isSeq} = yamlLibrary()
  const source = text.slice(base, base + length)
  const values: LocatedValue[] = []
  let error: FormatError | undefined
  let parsed
  try {
    parsed = parseYamlSafely(source, {uniqueKeys: false})
  } catch {
    return {format, values, error: formatErrorAt(text, base, 'unreadable YAML')}
  }
  if (parsed.tooDeepAt !== -1) return {format, values, error: formatErrorAt(text, base + parsed.tooDeepAt, 'nesting too deep')}
  for (const doc of parsed.docs) {
    const first = doc.errors[0]
    if (first !== undefined && error === undefined) error = formatErrorAt(text, base + first.pos[0], reasonFromCode(first.code))
    const root = doc.contents
    const visit = (node: unknown, segments: (string | number)[], name: string | null, inSequence: boolean): void => {
      if (node === null || node === undefined || isAlias(node)) return
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isPair(pair)) continue
          const key = isScalar(pair.key) ? String(pair.key.value) : '?'
          if (key === '<<') continue
          visit(pair.value, [...segments, key], key, false)
        }
        return
      }
      if (isSeq(node)) {
        node.items.forEach((item, i) => visit(item, [...segments, i], name, true))
        return
      }
      if (!isScalar(node) || typeof node.value !== 'string' || node.value === '' || node.range === undefined) return
      const span = scalarSpan(text, node, base)
      if (span === undefined) return
      const path = segments.reduce<string | null>((p, s) => joinPath(p, s), null)
      const fallback = locatedValue(text, {name, path, value: node.value, ...span})
      const special = hook?.({text, scalar: node, segments, name, root, inSequence}, fallback)
      values.push(...(special ?? [fallback]))
    }
    visit(root as YamlNode | null, [], null, false)
  }
  return error === undefined ? {format, values} : {format, values, error}
}

/**
 * Splits a `KEY=value` sequence item (compose list form) into name and value, moving the span past `KEY=`.
 * Only when the prefix is written without escapes, so the span still decodes to the value.
 */
export function splitAssignmentItem(context: YamlScalarContext, fallback: LocatedValue): LocatedValue[] | undefined {
  const decoded = fallback.value
  const eq = decoded.indexOf('=')
  if (eq <= 0 || fallback.encoding === 'multiline') return undefined
  const key = decoded.slice(0, eq)
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) return undefined
  if (context.text.slice(fallback.start, fallback.start + eq + 1) !== `${key}=`) return undefined
  const value = decoded.slice(eq + 1)
  if (value === '') return []
  const path = joinPath(fallback.path === null ? null : fallback.path.replace(/\.\d+$/, ''), key)
  return [locatedValue(context.text, {name: key, path, value, start: fallback.start + eq + 1, end: fallback.end})]
}

function rootKind(root: unknown): unknown {
  return yamlLibrary().isMap(root) ? root.get('kind') : undefined
}

const composeHook: YamlScalarHook = (context, fallback) => {
  const {segments, inSequence} = context
  if (segments.includes('env_file')) return []
  const parentKey = segments[segments.length - 2]
  // `x-` extension fields hold environment lists that services pull in by alias.
  const envList = parentKey === 'environment' || parentKey === 'args' || String(segments[0]).startsWith('x-')
  if (inSequence && envList) {
    // `- NAME` without `=` passes the host's variable through: it names a variable, it holds no value.
    if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(fallback.value)) return []
    return splitAssignmentItem(context, fallback)
  }
  return undefined
}

const kubernetesHook: YamlScalarHook = (context, fallback) => {
  if (rootKind(context.root) !== 'Secret') return undefined
  const {segments} = context
  if (segments.length !== 2 || segments[0] !== 'data' || fallback.encoding !== 'raw') return undefined
  const decoded = decodeBase64Text(fallback.value.replace(/\s+/g, ''))
  if (decoded === null) return undefined
  return [{...fallback, value: decoded, encoding: 'base64'}]
}

const YAML_EXT = /\.ya?ml$/i

/** docker-compose files: `environment` and `build.args` in map and list form; `env_file` names files, not values. */
export const composeFormat: FileFormat = {
  id: 'compose',
  syntax: 'yaml', namesAccounts: true, interpolatedBy: () => 'docker compose',
  matches: (relPath) => /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i.test(baseName(relPath)),
  extract: (text) => extractYamlValues(text, 'compose', composeHook),
}

/** GitHub Actions workflows: `env:` at workflow, job and step level are ordinary maps to the walker. */
export const githubActionsFormat: FileFormat = {
  id: 'github-actions',
  syntax: 'yaml', namesAccounts: true,
  matches: (relPath) => /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(relPath),
  extract: (text) => extractYamlValues(text, 'github-actions'),
}

/** Kubernetes Secret manifests: `data` values are base64 (reported decoded), `stringData` plain. */
export const kubernetesFormat: FileFormat = {
  id: 'kubernetes',
  syntax: 'yaml', decodes: true, namesAccounts: true,
  matches: (relPath, text) => YAML_EXT.test(relPath) && /^kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?\r?$/m.test(text),
  extract: (text) => extractYamlValues(text, 'kubernetes', kubernetesHook),
}

/** Any other YAML (Helm values, app configs): every string scalar with its key path. */
export const yamlFormat: FileFormat = {
  id: 'yaml',
  syntax: 'yaml', namesAccounts: true,
  matches: (relPath) => YAML_EXT.test(relPath),
  extract: (text) => extractYamlValues(text, 'yaml'),
}
