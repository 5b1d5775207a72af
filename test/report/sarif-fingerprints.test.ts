import {createHash, createHmac, randomBytes} from 'node:crypto'
import {cpSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree} from '../helpers/tree.js'

interface SarifRun {
  runs: Array<{results: Array<{ruleId: string; partialFingerprints: Record<string, string>; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>
}

/** `uri → partialFingerprints` of every result, in order. */
function fingerprintsOf(stdout: string): Array<[string, Record<string, string>]> {
  const sarif = JSON.parse(stdout) as SarifRun
  return sarif.runs[0].results.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.partialFingerprints])
}

/**
 * Code scanning tracks an alert by its partialFingerprints: they must be the same on every fresh CI runner
 * (a fresh OUTLOOP_HOME) for the same key in the same repository, and must not let someone holding only
 * the SARIF check a guessed key.
 */
describe('SARIF fingerprints', () => {
  const cleanups: Array<() => void> = []
  const freshHome = () => {
    const home = makeTempDir('outloop-home-')
    cleanups.push(home.cleanup)
    return home.dir
  }
  let repo: string
  const openai = fakeKeyOf('OpenAI')
  const github = fakeKeyOf('GitHub')
  const outputs: string[] = []

  beforeAll(() => {
    const tree = makeTempDir()
    cleanups.push(tree.cleanup)
    repo = tree.dir
    writeTree(repo, {
      'acme/.env': `OPENAI_API_KEY=${openai.key}\nGITHUB_TOKEN=${github.key}\n`,
      'globex/.env': `OPENAI_API_KEY=${openai.key}\n`,
    })
  })
  afterAll(() => {
    expectNoSecrets(outputs, [openai.key, github.key])
    cleanups.forEach((c) => c())
  })

  const sarifScan = async (root: string, home: string, ...extra: string[]) => {
    const result = await runCli(['scan', root, '--format', 'sarif', ...extra], {home})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  it('without a salt in the repository, falls back to the machine key and says so on stderr', async () => {
    const one = await sarifScan(repo, freshHome())
    const two = await sarifScan(repo, freshHome())
    expect(one.code).toBe(0)
    expect(one.stderr).toContain('SARIF fingerprints are keyed by this machine')
    const first = fingerprintsOf(one.stdout)
    expect(first.map(([, fp]) => Object.keys(fp))).toEqual([['outloopSecret/v1'], ['outloopSecret/v1'], ['outloopSecret/v1']])
    // Two machines disagree: the churn the repository's salt removes.
    expect(fingerprintsOf(two.stdout)[0][1]['outloopSecret/v1']).not.toBe(first[0][1]['outloopSecret/v1'])
  })

  it("are equal across fresh homes under the baseline's salt, in scan and check, and equal values share one", async () => {
    const made = await runCli(['baseline', repo], {home: freshHome()})
    outputs.push(made.stdout, made.stderr)
    expect(made.code).toBe(0)

    const one = await sarifScan(repo, freshHome())
    const two = await sarifScan(repo, freshHome())
    const check = await runCli(['check', repo, '--format', 'sarif'], {home: freshHome()})
    outputs.push(check.stdout, check.stderr)
    expect(one.stderr).not.toContain('keyed by this machine')
    const first = fingerprintsOf(one.stdout)
    expect(first.map(([uri]) => uri)).toEqual(['acme/.env', 'acme/.env', 'globex/.env'])
    for (const [, fp] of first) expect(fp['outloopSecret/v2']).toMatch(/^[0-9a-f]{32}$/)
    expect(fingerprintsOf(two.stdout)).toEqual(first)
    expect(check.code).toBe(0)
    expect(fingerprintsOf(check.stdout)).toEqual(first)
    // The OpenAI key in acme and in globex: one value, one fingerprint; the GitHub token another.
    expect(first[0][1]).toEqual(first[2][1])
    expect(first[1][1]).not.toEqual(first[0][1])
  })

  it('differ under a different salt, and are no bare or unkeyed hash of the key', async () => {
    const other = makeTempDir()
    cleanups.push(other.cleanup)
    cpSync(join(repo, 'acme'), join(other.dir, 'acme'), {recursive: true})
    cpSync(join(repo, 'globex'), join(other.dir, 'globex'), {recursive: true})
    expect((await runCli(['baseline', other.dir], {home: freshHome()})).code).toBe(0)

    const here = fingerprintsOf((await sarifScan(repo, freshHome())).stdout)
    const there = fingerprintsOf((await sarifScan(other.dir, freshHome())).stdout)
    expect(there.map(([uri]) => uri)).toEqual(here.map(([uri]) => uri))
    for (let i = 0; i < here.length; i++) expect(there[i][1]['outloopSecret/v2']).not.toBe(here[i][1]['outloopSecret/v2'])

    const fingerprint = here[0][1]['outloopSecret/v2']
    const guesses = [createHash('sha256').update(openai.key).digest('hex'), createHmac('sha256', Buffer.alloc(0)).update(openai.key).digest('hex'), createHash('md5').update(openai.key).digest('hex')]
    for (const guess of guesses) expect(guess.startsWith(fingerprint)).toBe(false)
  })

  it('take --fingerprint-salt-file, and refuse a salt short enough to guess', async () => {
    const salts = makeTempDir()
    cleanups.push(salts.cleanup)
    const saltFile = join(salts.dir, 'sarif-salt')
    writeFileSync(saltFile, randomBytes(32).toString('hex') + '\n')
    const bare = makeTempDir()
    cleanups.push(bare.cleanup)
    cpSync(join(repo, 'acme'), join(bare.dir, 'acme'), {recursive: true})

    const one = await sarifScan(bare.dir, freshHome(), '--fingerprint-salt-file', saltFile)
    const two = await sarifScan(bare.dir, freshHome(), '--fingerprint-salt-file', saltFile)
    expect(one.code).toBe(0)
    expect(one.stderr).toBe('')
    expect(fingerprintsOf(one.stdout).map(([, fp]) => Object.keys(fp))).toEqual([['outloopSecret/v2'], ['outloopSecret/v2']])
    expect(fingerprintsOf(two.stdout)).toEqual(fingerprintsOf(one.stdout))

    writeFileSync(saltFile, 'acme\n')
    const short = await sarifScan(bare.dir, freshHome(), '--fingerprint-salt-file', saltFile)
    expect(short.code).toBe(2)
    expect(short.stderr).toContain('too short')
    expect(short.stdout).toBe('')
  })
})
