import {join} from 'node:path'
import {LineCounter, isMap, isScalar, isSeq, parseDocument, type Node} from 'yaml'

import {formatErrorAt} from '../formats/shared.js'
import {parseYamlSafely} from '../formats/yaml.js'
import {UserError} from '../lib/errors.js'
import {readSettingsText} from '../lib/paths.js'

export const CONFIG_FILE = 'outloop.yaml'

/** Folders no scan wants: version control, dependencies, build caches. `--no-default-ignores` drops them. */
export const DEFAULT_IGNORES: readonly string[] = [
  '**/.git/**',
  '**/.hg/**',
  '**/.svn/**',
  '**/node_modules/**',
  '**/.venv/**',
  '**/venv/**',
  '**/__pycache__/**',
  '**/.mypy_cache/**',
  '**/.pytest_cache/**',
  '**/.tox/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/.turbo/**',
  '**/.cache/**',
  '**/dist/**',
  '**/build/**',
  '**/target/**',
  '**/vendor/**',
  '**/bower_components/**',
  '**/.terraform/**',
  '**/.gradle/**',
  '**/.idea/**',
  '**/.DS_Store',
]

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

/** The root's `outloop.yaml`, validated. */
export interface ScanConfig {
  /** Top-level folder name → tenant name, overriding the folder-named default. */
  readonly tenants: Readonly<Record<string, string>>
  /** Extra top-level folders that are shared areas rather than clients. */
  readonly shared: readonly string[]
  /** Extra glob patterns (relative to the root) to leave out. */
  readonly ignore: readonly string[]
  readonly useDefaultIgnores: boolean
  readonly maxFileSize: number | null
}

export const EMPTY_CONFIG: ScanConfig = {tenants: {}, shared: [], ignore: [], useDefaultIgnores: true, maxFileSize: null}

const TENANT_NAME = /^[a-z0-9][a-z0-9._-]*$/

/** Parses a size such as `5MB`, `512k` or `1048576` into bytes; null when it is not a size. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(text)
  if (!match) return null
  const unit = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[match[2].toLowerCase() as '' | 'k' | 'm' | 'g']
  return Math.round(Number(match[1]) * unit)
}

/** Reads `outloop.yaml` at the root when there is one; a missing file is the empty config. */
export function loadScanConfig(root: string): ScanConfig {
  const file = join(root, CONFIG_FILE)
  const text = readSettingsText(file, CONFIG_FILE)
  if (text === null) return EMPTY_CONFIG
  return parseScanConfig(text)
}

/** Validates the text of an `outloop.yaml`. Errors name line and column, never quote the file. */
export function parseScanConfig(text: string): ScanConfig {
  const lines = new LineCounter()
  // Measured before composing: a stack overflow inside the yaml library can abort the process.
  const {tooDeepAt} = parseYamlSafely(text)
  if (tooDeepAt !== -1) {
    const {line, column} = formatErrorAt(text, tooDeepAt, 'nesting too deep')
    throw new UserError(`${CONFIG_FILE}:${line}:${column}: not valid YAML (nesting too deep)`, `Fix ${CONFIG_FILE} at the root of the scan, or remove it to use the defaults.`)
  }
  const doc = parseDocument(text, {lineCounter: lines, prettyErrors: false})
  const fail = (node: Node | null | undefined, expected: string): never => {
    const offset = node?.range?.[0] ?? 0
    const {line, col} = lines.linePos(offset)
    throw new UserError(`${CONFIG_FILE}:${line}:${col}: ${expected}`, `Fix ${CONFIG_FILE} at the root of the scan, or remove it to use the defaults.`)
  }
  if (doc.errors.length > 0) {
    const [first] = doc.errors
    const {line, col} = lines.linePos(first.pos[0])
    throw new UserError(`${CONFIG_FILE}:${line}:${col}: not valid YAML (${first.code.toLowerCase().replaceAll('_', ' ')})`)
  }
  const contents = doc.contents
  if (contents === null || (isScalar(contents) && contents.value === null)) return EMPTY_CONFIG
  if (!isMap(contents)) return fail(contents, 'expected a mapping with tenants, shared, ignore, maxFileSize or defaultIgnores')

  const config = {tenants: {} as Record<string, string>, shared: [] as string[], ignore: [] as string[], useDefaultIgnores: true, maxFileSize: null as number | null}
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const value = pair.value as Node | null
    switch (key) {
      case 'tenants': {
        if (!isMap(value)) return fail(value ?? (pair.key as Node), 'tenants: expected a mapping of folder name to tenant name')
        for (const item of value.items) {
          const folder = isScalar(item.key) ? String(item.key.value) : ''
          const name = isScalar(item.value) ? String(item.value.value) : ''
          if (!TENANT_NAME.test(name)) return fail((item.value ?? item.key) as Node, 'tenants: a tenant name is lower-case letters, digits, ".", "_" or "-"')
          config.tenants[folder] = name
        }
        break
      }
      case 'shared':
      case 'ignore': {
        if (!isSeq(value)) return fail(value ?? (pair.key as Node), `${key}: expected a list of strings`)
        for (const item of value.items) {
          if (!isScalar(item) || typeof item.value !== 'string') return fail(item as Node, `${key}: expected a string`)
          config[key].push(item.value)
        }
        break
      }
      case 'maxFileSize': {
        const size = isScalar(value) ? parseByteSize(String(value.value)) : null
        if (size === null || size <= 0) return fail(value, 'maxFileSize: expected a size such as 5MB')
        config.maxFileSize = size
        break
      }
      case 'defaultIgnores': {
        if (!isScalar(value) || typeof value.value !== 'boolean') return fail(value, 'defaultIgnores: expected true or false')
        config.useDefaultIgnores = value.value
        break
      }
      default:
        return fail(pair.key as Node, `unknown setting "${key}" (expected tenants, shared, ignore, maxFileSize or defaultIgnores)`)
    }
  }
  return config
}
