import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {ScanReport} from '../../src/scan/report.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree} from '../helpers/tree.js'

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid'},
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim()
}

describe('outloop scan --history', () => {
  const tmp = makeTempDir()
  const root = join(tmp.dir, 'clients')
  const home = join(tmp.dir, 'state')
  const removed = fakeKeyOf('OpenAI')
  const kept = fakeKeyOf('GitHub')
  let added = ''

  beforeAll(() => {
    const acme = join(root, 'acme')
    // More blobs than one batch of the pool (64), so they go to worker threads and come back by their tags.
    const many: Record<string, string> = {}
    for (let i = 0; i < 80; i++) many[`docs/page-${i}.md`] = `# Page ${i}\n\nNothing secret here, line ${i}.\n`
    writeTree(acme, {...many, '.env': `OPENAI_API_KEY=${removed.key}\n`, 'keep.env': `GITHUB_TOKEN=${kept.key}\n`})
    git(acme, 'init', '-q', '-b', 'main')
    git(acme, 'add', '-A')
    git(acme, 'commit', '-q', '-m', 'add')
    added = git(acme, 'rev-parse', 'HEAD')
    git(acme, 'rm', '-q', '.env')
    git(acme, 'commit', '-q', '-m', 'remove')
  })
  afterAll(() => tmp.cleanup())

  it('reports the key only history holds, on worker threads, without its value', async () => {
    const json = await runCli(['scan', root, '--history', '--threads', '2', '--format', 'json'], {home})
    expect(json.code, json.stderr).toBe(0)
    const report = JSON.parse(json.stdout) as ScanReport
    expect(report.findings.map((f) => [f.file, f.rule, f.history?.inWorkingTree, f.history?.commits])).toEqual([
      ['acme/.env', removed.rule, false, [added]],
      ['acme/keep.env', kept.rule, true, [added]],
    ])
    // The 80 pages and keep.env are the files as they are: their blob ids, computed on the workers, match.
    expect(report.history).toMatchObject({repositories: ['acme'], blobs: 82, unchanged: 81})

    const text = await runCli(['scan', root, '--history', '--threads', '2'], {home})
    expect(text.stdout).toContain("still in acme's git history")
    expect(text.stdout).toContain(`acme/.env:1:16  ${removed.rule}`)
    const sarif = await runCli(['scan', root, '--history', '--format', 'sarif'], {home})
    expect(sarif.stdout).toContain(added)
    expectNoSecrets([json.stdout, json.stderr, text.stdout, text.stderr, sarif.stdout, sarif.stderr], [removed.key, kept.key])
  })

  it('fails with --fail-on any on a key only history holds, and leaves it out without --history', async () => {
    const failing = await runCli(['scan', join(root, 'acme'), '--history', '--fail-on', 'any', '--ignore', 'keep.env', '--format', 'json'], {home})
    expect(failing.code).toBe(1)
    expect((JSON.parse(failing.stdout) as ScanReport).findings.map((f) => f.file)).toEqual(['.env'])
    const plain = await runCli(['scan', join(root, 'acme'), '--fail-on', 'any', '--ignore', 'keep.env'], {home})
    expect(plain.code, plain.stdout).toBe(0)
  })

  it('sends large blobs to the workers by weight, and lists those over --max-file-size as not read', async () => {
    const big = makeTempDir()
    try {
      const key = fakeKeyOf('OpenAI')
      const filler = (n: number) => `${'lorem ipsum dolor sit amet '.repeat(40)}${n}\n`.repeat(1500)
      // Five blobs of about 1.6 MB: fewer than a batch by count, several batches by weight.
      const files: Record<string, string> = {}
      for (let i = 0; i < 5; i++) files[`acme/logs/day-${i}.log`] = filler(i) + (i === 3 ? `OPENAI_API_KEY=${key.key}\n` : '')
      writeTree(big.dir, files)
      git(join(big.dir, 'acme'), 'init', '-q', '-b', 'main')
      git(join(big.dir, 'acme'), 'add', '-A')
      git(join(big.dir, 'acme'), 'commit', '-q', '-m', 'logs')
      const commit = git(join(big.dir, 'acme'), 'rev-parse', 'HEAD')
      git(join(big.dir, 'acme'), 'rm', '-q', '-r', 'logs')
      git(join(big.dir, 'acme'), 'commit', '-q', '-m', 'remove')

      const all = await runCli(['scan', big.dir, '--history', '--threads', '2', '--format', 'json'], {home})
      expect(all.code, all.stderr).toBe(0)
      const report = JSON.parse(all.stdout) as ScanReport
      expect(report.findings.map((f) => [f.file, f.history?.inWorkingTree])).toEqual([['acme/logs/day-3.log', false]])
      expect(report.history?.blobs).toBe(5)

      const limited = await runCli(['scan', big.dir, '--history', '--max-file-size', '1MB', '--format', 'json'], {home})
      const partial = JSON.parse(limited.stdout) as ScanReport
      expect(partial.findings).toEqual([])
      expect(partial.complete).toBe(false)
      expect(partial.skipped.map((s) => [s.file, s.reason])).toContainEqual(['acme/logs/day-3.log@' + commit.slice(0, 7), 'too-large'])
      expectNoSecrets([all.stdout, limited.stdout], [key.key])
    } finally {
      big.cleanup()
    }
  })

  it('refuses --history with --staged', async () => {
    const result = await runCli(['scan', root, '--history', '--staged'], {home})
    expect(result.code).toBe(2)
  })
})
