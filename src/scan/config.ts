import {join} from 'node:path'

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

/** Parses a size such as `5MB`, `512k` or `1048576` into bytes; null when it is not a size. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(text)
  if (!match) return null
  const unit = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[match[2].toLowerCase() as '' | 'k' | 'm' | 'g']
  return Math.round(Number(match[1]) * unit)
}

/**
 * Reads `outloop.yaml` at the root when there is one; a missing file is the empty config. The YAML parser
 * (70 modules) loads only when there is a file to parse: most scans have none.
 */
export async function loadScanConfig(root: string): Promise<ScanConfig> {
  const text = readSettingsText(join(root, CONFIG_FILE), CONFIG_FILE)
  if (text === null) return EMPTY_CONFIG
  const {parseScanConfig} = await import('./config-parse.js')
  return parseScanConfig(text)
}
