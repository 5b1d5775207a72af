import micromatch from 'micromatch'
import {realpathSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {DEFAULT_IGNORES} from '../../src/scan/config.js'
import {escapeGlob, ignoreMatcher, simpleGlobSource, walkTree, type WalkEntry} from '../../src/scan/walk.js'
import {makeTempDir, writeTree} from '../helpers/tree.js'

async function collect(root: string, ignore: readonly string[] = DEFAULT_IGNORES): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = []
  for await (const entry of walkTree(root, {realRoot: realpathSync(root), ignore})) entries.push(entry)
  return entries.sort((a, b) => a.relPath.localeCompare(b.relPath))
}

describe('walkTree', () => {
  let root: string
  let outside: string
  let cleanups: Array<() => void>

  beforeEach(() => {
    const a = makeTempDir()
    const b = makeTempDir()
    root = a.dir
    outside = b.dir
    cleanups = [a.cleanup, b.cleanup]
  })
  afterEach(() => cleanups.forEach((c) => c()))

  it('lists hidden files and leaves out default-ignored folders', async () => {
    writeTree(root, {'acme/.env': 'A=1', 'acme/.claude/settings.json': '{}', 'acme/node_modules/x/index.js': '', 'acme/.git/config': '', 'acme/src/a.ts': ''})
    const files = (await collect(root)).map((e) => e.relPath)
    expect(files).toEqual(['acme/.claude/settings.json', 'acme/.env', 'acme/src/a.ts'])
  })

  it('lists default-ignored folders when the ignores are dropped', async () => {
    writeTree(root, {'acme/node_modules/x/index.js': ''})
    expect((await collect(root, [])).map((e) => e.relPath)).toEqual(['acme/node_modules/x/index.js'])
  })

  it('reports a symlink that leaves the root and does not follow it', async () => {
    writeTree(outside, {'secret.env': 'X=1'})
    writeTree(root, {'acme/.env': 'A=1'})
    symlinkSync(join(outside, 'secret.env'), join(root, 'acme', 'linked.env'))
    symlinkSync(outside, join(root, 'acme', 'linked-dir'))
    const entries = await collect(root)
    expect(entries).toEqual([
      {kind: 'file', relPath: 'acme/.env', absPath: join(root, 'acme/.env')},
      {kind: 'skip', relPath: 'acme/linked-dir', reason: 'symlink-outside-root'},
      {kind: 'skip', relPath: 'acme/linked.env', reason: 'symlink-outside-root'},
    ])
  })

  it('survives symlink loops and passes over links inside the root', async () => {
    writeTree(root, {'acme/.env': 'A=1'})
    symlinkSync(join(root, 'acme'), join(root, 'acme', 'loop'))
    symlinkSync('self', join(root, 'acme', 'self'))
    symlinkSync(join(root, 'acme', '.env'), join(root, 'acme', 'env-link'))
    const entries = await collect(root)
    expect(entries.map((e) => `${e.kind}:${e.relPath}`)).toEqual(['file:acme/.env'])
  })

  it('lists names with line breaks and escape sequences, in folders named so too, and applies ignores to them', async () => {
    writeTree(root, {'acme/a\nb.env': 'A=1', 'acme/c\rd/e\u001b[2J.env': 'A=1', 'acme/f\ng/node_modules/x.js': '', 'acme/h\ni/skip.log': ''})
    const files = (await collect(root, [...DEFAULT_IGNORES, '**/*.log'])).map((e) => `${e.kind}:${e.relPath}`)
    expect(files).toEqual(['file:acme/a\nb.env', 'file:acme/c\rd/e\u001b[2J.env'])
  })
})

describe('escapeGlob', () => {
  it('makes a glob that matches the very path, whatever glob symbols its names hold', () => {
    const names = ['st[a]te', 'a*b', 'q?', '!(x)', '{y,z}', '+(p)', '@(o)', 'a|b', 'back\\slash', 'plain.dir', '$HOME^']
    for (const name of names) {
      const matches = ignoreMatcher([`${escapeGlob(`home/${name}`)}/**`])
      expect(matches(`home/${name}/vault.json`), name).toBe(true)
      // Read as a glob, each would match other paths (or not itself): escaped, it matches no other.
      for (const other of ['home/state/vault.json', 'home/ab/vault.json', 'home/axb/vault.json', 'home/q1/vault.json', 'home/y/vault.json', 'home/z/vault.json', 'home/p/vault.json', 'home/o/vault.json', 'home/a/vault.json', 'home/b/vault.json', 'home/plainxdir/vault.json']) {
        expect(matches(other), `${name} vs ${other}`).toBe(false)
      }
    }
  })
})

describe('simpleGlobSource', () => {
  it("writes the very expression micromatch compiles for every default ignore and other plain names", () => {
    const globs = [...DEFAULT_IGNORES, '**/.env.local', '**/a-b_c.d', '**/x/**', '**/Thumbs.db']
    for (const glob of globs) expect(simpleGlobSource(glob), glob).toBe(micromatch.makeRe(glob, {dot: true}).source)
  })

  it('leaves every other glob to micromatch', () => {
    for (const glob of ['node_modules/**', '**/*.log', '**/a/b/**', '**/{a,b}/**', '**/a?/**', '**/../**', '**/./**', '**/.', 'acme/**', '**/a b/**']) {
      expect(simpleGlobSource(glob), glob).toBeNull()
    }
  })

  it('matches as micromatch does on paths that hold dot segments, dots and the name itself', () => {
    const paths = ['node_modules', 'node_modules/x', 'a/node_modules', 'a/node_modules/b/c', 'a/node_modulesx/b', 'xnode_modules/b', 'a/./node_modules/b', 'a/../node_modules/b', '../node_modules/x', 'node_modules/../x', 'node_modules/./x', 'a\nb/node_modules/c', '.DS_Store', 'a/.DS_Store', 'a/.DS_Store/b', 'a/xDS_Store', 'dist', 'src/dist/app.js', '.git/config', 'a/.gitx/config']
    const ours = ignoreMatcher(DEFAULT_IGNORES)
    const theirs = (path: string) => DEFAULT_IGNORES.some((glob) => new RegExp(micromatch.makeRe(glob, {dot: true}).source, 's').test(path))
    for (const path of paths) expect(ours(path), path).toBe(theirs(path))
  })
})
