import {join} from 'node:path'

import {LineCounter, isMap, isScalar, isSeq, parseDocument, type Node} from 'yaml'

import {UserError} from '../lib/errors.js'
import {readSettingsText} from '../lib/paths.js'
import type {SandboxSettings} from './profile.js'

/** The operator's settings file inside OUTLOOP_HOME (out of every confined agent's sight). */
export const SETTINGS_FILE = 'config.yaml'

const EMPTY: SandboxSettings = {hide: [], writable: [], scratch: [], readable: []}

/** Reads the `sandbox:` section of OUTLOOP_HOME/config.yaml; the defaults when there is none. */
export function readSandboxSettings(home: string): SandboxSettings {
  const file = join(home, SETTINGS_FILE)
  const text = readSettingsText(file, file, 'Check its permissions: outloop run reads it before starting an agent.')
  if (text === null) return EMPTY
  return parseSandboxSettings(text, file)
}

/** Validates config.yaml's text. Errors name line and column, never quote the file. */
export function parseSandboxSettings(text: string, file: string): SandboxSettings {
  const lines = new LineCounter()
  const doc = parseDocument(text, {lineCounter: lines, prettyErrors: false})
  const fail = (node: Node | null | undefined, offset: number, expected: string): never => {
    const {line, col} = lines.linePos(node?.range?.[0] ?? offset)
    throw new UserError(`${file}:${line}:${col}: ${expected}`, 'Fix the file; `outloop run` refuses to start an agent on settings it cannot read.')
  }
  if (doc.errors.length > 0) fail(null, doc.errors[0].pos[0], 'not valid YAML')
  const contents = doc.contents
  if (contents === null || (isScalar(contents) && contents.value === null)) return EMPTY
  if (!isMap(contents)) return fail(contents, 0, 'expected a mapping with a sandbox section')
  const settings = {hide: [] as string[], writable: [] as string[], scratch: [] as string[], readable: [] as string[]}
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (key !== 'sandbox') return fail(pair.key as Node, 0, `unknown section "${key}" (expected sandbox)`)
    const section = pair.value as Node | null
    if (section === null || (isScalar(section) && section.value === null)) continue
    if (!isMap(section)) return fail(section, 0, 'sandbox: expected a mapping with hide, readable, writable or scratch')
    for (const item of section.items) {
      const name = isScalar(item.key) ? String(item.key.value) : ''
      if (name !== 'hide' && name !== 'writable' && name !== 'scratch' && name !== 'readable') return fail(item.key as Node, 0, `sandbox: unknown setting "${name}" (expected hide, readable, writable or scratch)`)
      const list = item.value as Node | null
      if (!isSeq(list)) return fail(list ?? (item.key as Node), 0, `sandbox.${name}: expected a list of paths`)
      for (const entry of list.items) {
        if (!isScalar(entry) || typeof entry.value !== 'string' || entry.value === '') return fail(entry as Node, 0, `sandbox.${name}: expected a path`)
        settings[name].push(entry.value)
      }
    }
  }
  return settings
}
