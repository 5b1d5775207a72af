import {LineCounter, isMap, isScalar, isSeq, parseDocument, type Node} from 'yaml'

import {formatErrorAt} from '../formats/shared.js'
import {parseYamlSafely} from '../formats/yaml.js'
import {UserError} from '../lib/errors.js'
import {CONFIG_FILE, EMPTY_CONFIG, parseByteSize, type ScanConfig} from './config.js'

const TENANT_NAME = /^[a-z0-9][a-z0-9._-]*$/

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
