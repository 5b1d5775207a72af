import {spawn} from 'node:child_process'
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {ScanReport} from '../../src/scan/report.js'
import {makeTempDir, REPO_ROOT, type CliResult} from '../helpers/tree.js'
import {buildHostileCorpus, type HostileFile} from './hostile-corpus.js'

/** FUZZ_SEED explores other corpora; the suite always builds the same one. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202)
const COUNT = 1_200
/** Far above what a healthy scan of this corpus takes (a few seconds): reaching it is a hang. */
const HANG_MS = 40_000

/** The built CLI as a child process, killed at HANG_MS so a hang fails the test instead of stalling the suite. */
function runCliBounded(args: string[], home: string): Promise<CliResult & {ms: number; killed: boolean}> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'run.js'), ...args], {env: {...process.env, NO_COLOR: '1', OUTLOOP_HOME: home}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    let killed = false
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, HANG_MS)
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, stdout, stderr, ms: Date.now() - started, killed})
    })
  })
}

/**
 * Asserts no planted key, nor any 12 characters of its body past what a preview shows, appears in the
 * outputs. The same rule as expectNoSecrets (test/helpers/tree.ts), checked at every offset and through a set
 * of the outputs' key-like runs, so a thousand keys against megabytes of output takes milliseconds.
 */
function expectNoKeyLeaked(outputs: readonly string[], keys: readonly string[]): void {
  const windows = new Set<string>()
  for (const output of outputs) {
    for (const run of output.match(/[A-Za-z0-9_+/=-]{12,}/g) ?? []) for (let i = 0; i + 12 <= run.length; i++) windows.add(run.slice(i, i + 12))
  }
  const leaked: string[] = []
  for (const key of keys) {
    if (outputs.some((o) => o.includes(key))) leaked.push(`${key.slice(0, 6)}… whole`)
    const body = key.slice(Math.min(8, Math.floor(key.length / 4)), -4)
    for (let i = 0; i + 12 <= body.length; i++) {
      if (windows.has(body.slice(i, i + 12))) {
        leaked.push(`${key.slice(0, 6)}… at ${i}`)
        break
      }
    }
  }
  expect(leaked, 'planted keys appeared in output').toEqual([])
}

describe('the scanner against a seeded corpus of hostile files', () => {
  let corpus: HostileFile[]
  let root: string
  let home: string
  const cleanups: Array<() => void> = []

  beforeAll(() => {
    const tree = makeTempDir('outloop-fuzz-')
    cleanups.push(tree.cleanup)
    root = join(tree.dir, 'clients')
    home = join(tree.dir, 'home')
    corpus = buildHostileCorpus(SEED, COUNT)
    for (const file of corpus) {
      const path = join(root, file.relPath)
      mkdirSync(dirname(path), {recursive: true})
      writeFileSync(path, file.bytes)
    }
  })
  afterAll(() => cleanups.forEach((c) => c()))

  it('has every kind of hostile file, and at least 1,000 of them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1_000)
    const kinds = new Set(corpus.map((f) => f.kind.split(' ')[0]))
    expect([...kinds].sort()).toEqual(['broken', 'deep', 'encoding', 'exhaustion', 'huge-line', 'name'])
    expect(new Set(corpus.map((f) => f.relPath)).size).toBe(corpus.length)
  })

  it('completes without a crash or a hang, finds every planted key or lists its file as not read, and prints no key', async () => {
    const json = await runCliBounded(['scan', root, '--format', 'json'], home)
    expect(json.killed, `the scan hung (killed after ${HANG_MS} ms)`).toBe(false)
    expect(json.code, json.stderr).toBe(0)
    const report = JSON.parse(json.stdout) as ScanReport

    const notRead = new Map(report.skipped.map((s) => [s.file, s.reason]))
    const previews = new Map<string, string[]>()
    for (const f of report.findings) previews.set(f.file, [...(previews.get(f.file) ?? []), f.preview])
    const missed = corpus.filter((file) => file.key !== null && !notRead.has(file.relPath) && !(previews.get(file.relPath) ?? []).some((p) => p.endsWith(file.key!.slice(-4))))
    expect(missed.map((f) => `${JSON.stringify(f.relPath)} (${f.kind})`), 'planted keys not found in files that were read').toEqual([])
    // Only files made to be binary may go unread: a hostile text file is read, whatever it holds.
    const unread = corpus.filter((f) => notRead.has(f.relPath))
    expect(unread.filter((f) => !f.binary).map((f) => `${JSON.stringify(f.relPath)} (${f.kind}: ${notRead.get(f.relPath)})`)).toEqual([])
    expect(unread.every((f) => notRead.get(f.relPath) === 'binary')).toBe(true)
    expect(report.complete).toBe(true)
    expect(report.stats.files + report.stats.skipped).toBe(corpus.length)

    const text = await runCliBounded(['scan', root], home)
    const sarif = await runCliBounded(['scan', root, '--format', 'sarif'], home)
    for (const run of [text, sarif]) {
      expect(run.killed).toBe(false)
      expect(run.code, run.stderr).toBe(0)
    }
    // The terminal report carries nothing a terminal would act on, whatever the names hold.
    expect(text.stdout.replaceAll('\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    expectNoKeyLeaked(
      [json.stdout, json.stderr, text.stdout, text.stderr, sarif.stdout, sarif.stderr],
      corpus.flatMap((f) => (f.key === null ? [] : [f.key])),
    )
  })
})
