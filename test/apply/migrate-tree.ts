import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'

import {plantTokens} from '../rewrite/plant.js'
import {writeTree} from '../helpers/tree.js'

const REWRITE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rewrite')

export interface PlantedTree {
  /** Root-relative path → original bytes. */
  readonly files: Map<string, Buffer>
  /** Every planted key. */
  readonly keys: string[]
  /** Root-relative path → the format the rewrite fixture says it parses as. */
  readonly formats: Map<string, string>
}

/**
 * An agency tree holding every rewrite fixture (every format the scanner parses) in client `acme`, each in
 * its own folder so equal names (`.env`, `.npmrc`) don't collide, and a `globex` client sharing one key.
 */
export function writeFormatsTree(root: string, options: {only?: RegExp} = {}): PlantedTree {
  const files = new Map<string, Buffer>()
  const formats = new Map<string, string>()
  const keys = new Map<string, string>()
  const allKeys: string[] = []
  for (const format of readdirSync(REWRITE_FIXTURES).sort()) {
    for (const behaviour of readdirSync(join(REWRITE_FIXTURES, format)).sort()) {
      if (options.only !== undefined && !options.only.test(`${format}/${behaviour}`)) continue
      const dir = join(REWRITE_FIXTURES, format, behaviour)
      const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {relPath: string}
      const input = readdirSync(dir).find((f) => f.startsWith('input')) as string
      // Fresh labels per fixture: the same label in two fixtures is not meant to be the same key.
      const planted = plantTokens(readFileSync(join(dir, input), 'utf8'), new Map())
      allKeys.push(...planted.keys.values())
      const rel = `acme/${format}-${behaviour}/${spec.relPath}`
      files.set(rel, Buffer.from(planted.text, 'utf8'))
      formats.set(rel, format)
      if (keys.size === 0) for (const [label, key] of planted.keys) keys.set(label, key)
    }
  }
  // A key of acme's also in globex: one entry per client, flagged as shared.
  const shared = [...keys.values()].find((k) => /^[A-Za-z0-9_-]+$/.test(k))
  if (shared !== undefined) files.set('globex/.env', Buffer.from(`# globex\nSHARED_KEY=${shared}\n`, 'utf8'))
  writeTree(root, Object.fromEntries(files))
  return {files, keys: allKeys, formats}
}

/** Every file under `dir` (relative path → bytes). */
export function readTreeBytes(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, {withFileTypes: true})) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) out.set(relative(dir, path).split('\\').join('/'), readFileSync(path))
    }
  }
  if (statSync(dir).isDirectory()) walk(dir)
  return out
}
