import {readFileSync, writeFileSync, existsSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {fakeKeyFor} from '../helpers/fakes.js'
import {git, initRepo} from '../helpers/git.js'
import {sarifSchemaErrors} from '../helpers/sarif.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'

describe('outloop baseline and check', () => {
  let repo: string
  let home: string
  let planted: string[]
  let outputs: string[]
  let cleanup: () => void

  const key = () => {
    const k = fakeKeyFor('openai-project-key')
    planted.push(k)
    return k
  }
  const cli = async (...args: string[]): Promise<CliResult> => {
    const result = await runCli(args, {home, cwd: repo})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeEach(async () => {
    const tmp = makeTempDir()
    cleanup = tmp.cleanup
    repo = join(tmp.dir, 'repo')
    home = join(tmp.dir, 'state')
    planted = []
    outputs = []
    writeTree(repo, {
      'acme/.env': `# acme\nOPENAI_API_KEY=${key()}\nDEBUG=1\n`,
      'globex/config.yml': `api:\n  openai_key: "${key()}"\n`,
      'README.md': '# clients\n',
    })
    initRepo(repo)
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'initial')
    const made = await cli('baseline', '.')
    expect(made.code, made.stderr).toBe(0)
    expect(made.stderr).toContain('2 findings in 2 files are now known')
  })
  afterEach(() => {
    expectNoSecrets([...outputs, readFileSync(join(repo, '.outloop-baseline.json'), 'utf8')], planted)
    cleanup()
  })

  it('passes on an unchanged tree, with the baseline stored as salted hashes only', async () => {
    const result = await cli('check', '.')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^No new plaintext keys \(2 known from the baseline/)
    const baseline = JSON.parse(readFileSync(join(repo, '.outloop-baseline.json'), 'utf8'))
    expect(Object.keys(baseline)).toEqual(['schema', 'salt', 'entries'])
    expect(baseline.entries.map((e: {file: string; count: number}) => `${e.file}:${e.count}`)).toEqual(['acme/.env:1', 'globex/config.yml:1'])
    expect(JSON.stringify(baseline)).not.toMatch(/"line"/)
  })

  it('passes when lines are inserted above a known key or the file is reformatted', async () => {
    const env = readFileSync(join(repo, 'acme/.env'), 'utf8')
    writeFileSync(join(repo, 'acme/.env'), `# a new header\n\n\nFOO=bar\n${env.replace('OPENAI_API_KEY=', 'export OPENAI_API_KEY=')}`)
    expect((await cli('check', '.')).code).toBe(0)
  })

  it('fails on a new key and prints only it', async () => {
    const fresh = key()
    writeFileSync(join(repo, 'acme/notes.md'), `\nThe new key is ${fresh}\n`)
    const result = await cli('check', '.')
    expect(result.code).toBe(1)
    const lines = result.stdout.split('\n').filter((l) => l.includes(':') && / openai-/.test(l))
    expect(lines).toEqual([`acme/notes.md:2 openai-project-key sk-proj-…${fresh.slice(-4)}`])
  })

  it('fails when a key is rotated in place', async () => {
    const env = readFileSync(join(repo, 'acme/.env'), 'utf8')
    writeFileSync(join(repo, 'acme/.env'), env.replace(planted[0], key()))
    const result = await cli('check', '.')
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('acme/.env:2 ')
  })

  it('fails when a known key is copied into a new file, or copied again in its file', async () => {
    writeFileSync(join(repo, 'globex/.env'), `OPENAI_API_KEY=${planted[0]}\n`)
    const copied = await cli('check', '.')
    expect(copied.code).toBe(1)
    expect(copied.stdout).toContain('globex/.env:1 ')
    writeFileSync(join(repo, 'globex/.env'), '')
    writeFileSync(join(repo, 'acme/.env'), readFileSync(join(repo, 'acme/.env'), 'utf8') + `BACKUP_KEY=${planted[0]}\n`)
    const twice = await cli('check', '.')
    expect(twice.code).toBe(1)
    expect(twice.stdout).toContain('acme/.env:4 ')
  })

  it('passes when a key is deleted', async () => {
    writeFileSync(join(repo, 'acme/.env'), '# acme\nDEBUG=1\n')
    expect((await cli('check', '.')).code).toBe(0)
  })

  it('exits 2 on a missing, corrupt or incompatible baseline', async () => {
    const missing = await cli('check', '.', '--baseline', 'nope.json')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('No baseline at nope.json')
    writeFileSync(join(repo, 'bad.json'), '{"schema": "outloop.baseline/v1", "salt": "x"')
    const corrupt = await cli('check', '.', '--baseline', 'bad.json')
    expect(corrupt.code).toBe(2)
    expect(corrupt.stderr).toContain('not valid JSON')
    writeFileSync(join(repo, 'future.json'), '{"schema": "outloop.baseline/v9", "salt": "", "entries": []}')
    const future = await cli('check', '.', '--baseline', 'future.json')
    expect(future.code).toBe(2)
    expect(future.stderr).toContain('outloop.baseline/v9')
  })

  it('with --staged sees a staged key and ignores an unstaged one, reading the staged content', async () => {
    const staged = key()
    const unstaged = key()
    writeFileSync(join(repo, 'acme/staged.env'), `TOKEN_A=${staged}\n`)
    git(repo, 'add', 'acme/staged.env')
    writeFileSync(join(repo, 'acme/unstaged.env'), `TOKEN_B=${unstaged}\n`)
    // The working tree no longer holds the staged key: only git's index does.
    writeFileSync(join(repo, 'acme/staged.env'), 'TOKEN_A=\n')
    const result = await cli('check', '.', '--staged')
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('acme/staged.env:1 ')
    expect(result.stdout).not.toContain('unstaged')
    // The scan's ignores hold for git's files too: a staged key under node_modules is not checked.
    writeFileSync(join(repo, 'acme/vendor.env'), '')
    writeTree(repo, {'acme/node_modules/pkg/.env': `PKG_TOKEN=${key()}\n`})
    git(repo, 'add', '-f', 'acme/node_modules/pkg/.env')
    const withVendored = await cli('check', '.', '--staged', '--format', 'json')
    expect(JSON.parse(withVendored.stdout).findings.map((f: {file: string}) => f.file)).toEqual(['acme/staged.env'])
    git(repo, 'reset', '-q', 'acme/staged.env', 'acme/node_modules/pkg/.env')
    const clean = await cli('check', '.', '--staged')
    expect(clean.code).toBe(0)
    expect(clean.stdout).toContain('0 files checked')
  })

  it('with --diff REV checks only files changed since REV, as committed', async () => {
    git(repo, 'add', '.outloop-baseline.json')
    git(repo, 'commit', '-qm', 'baseline')
    const base = git(repo, 'rev-parse', 'HEAD').trim()
    writeFileSync(join(repo, 'globex/new.env'), `NEW_KEY=${key()}\n`)
    writeFileSync(join(repo, 'README.md'), '# clients\nmore\n')
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'add key')
    const result = await cli('check', '.', '--diff', base, '--format', 'json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    expect(report.stats.files).toBe(2)
    expect(report.findings.map((f: {file: string; status: string}) => `${f.file} ${f.status}`)).toEqual(['globex/new.env new'])
    const bad = await cli('check', '.', '--diff', 'no-such-rev')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('"no-such-rev" is not a commit')
  })

  it('honours outloop:allow comments and counts them', async () => {
    writeFileSync(join(repo, 'acme/docs.md'), `# Example\n<!-- outloop:allow -->\nkey: ${key()}\n`)
    writeFileSync(join(repo, 'acme/test.py'), `KEY = "${key()}"  # outloop:allow\nOTHER = "${key()}"\n`)
    writeFileSync(join(repo, 'acme/string.py'), `VALUE = "outloop:allow ${key()}"\n`)
    const result = await cli('check', '.', '--format', 'json')
    const report = JSON.parse(result.stdout)
    expect(report.allowed).toEqual([
      {file: 'acme/docs.md', line: 3, rule: 'openai-project-key'},
      {file: 'acme/test.py', line: 1, rule: 'openai-project-key'},
    ])
    expect(report.stats.allowed).toBe(2)
    // A trailing comment allows its own line only; a marker inside a string is not a comment at all.
    expect(result.code).toBe(1)
    expect(report.findings.filter((f: {status: string}) => f.status === 'new').map((f: {file: string; line: number}) => `${f.file}:${f.line}`)).toEqual(['acme/string.py:1', 'acme/test.py:2'])
  })

  it('scan --baseline --fail-on new means the same as check', async () => {
    expect((await cli('scan', '.', '--baseline', '.outloop-baseline.json', '--fail-on', 'new')).code).toBe(0)
    writeFileSync(join(repo, 'acme/more.env'), `K=${key()}\n`)
    const scan = await cli('scan', '.', '--baseline', '.outloop-baseline.json', '--fail-on', 'new', '--format', 'json')
    expect(scan.code).toBe(1)
    expect(JSON.parse(scan.stdout).baseline).toEqual({file: '.outloop-baseline.json', new: 1, baselined: 2})
    expect((await cli('check', '.')).code).toBe(1)
  })

  it('writes SARIF with baseline states that validates against SARIF 2.1.0', async () => {
    writeFileSync(join(repo, 'acme/more.env'), `K=${key()}\n`)
    const result = await cli('check', '.', '--format', 'sarif', '--output', 'out.sarif')
    expect(result.code).toBe(1)
    const sarifText = readFileSync(join(repo, 'out.sarif'), 'utf8')
    outputs.push(sarifText)
    const sarif = JSON.parse(sarifText)
    expect(sarifSchemaErrors(sarif)).toEqual([])
    expect(sarif.runs[0].results.map((r: {baselineState: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}) => `${r.locations[0].physicalLocation.artifactLocation.uri} ${r.baselineState}`)).toEqual([
      'acme/.env unchanged',
      'acme/more.env new',
      'globex/config.yml unchanged',
    ])
  })

  it('installs a pre-commit hook that refuses a commit adding a key, and never overwrites a hook silently', async () => {
    const installed = await cli('hook', 'install')
    expect(installed.code, installed.stderr).toBe(0)
    const hook = join(repo, '.git', 'hooks', 'pre-commit')
    expect(statSync(hook).mode & 0o111).not.toBe(0)
    const again = await cli('hook', 'install')
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('already exists')
    expect((await cli('hook', 'install', '--force')).code).toBe(0)

    git(repo, 'add', '.outloop-baseline.json')
    git(repo, 'commit', '-qm', 'baseline')
    writeFileSync(join(repo, 'acme/leak.env'), `LEAK=${key()}\n`)
    git(repo, 'add', 'acme/leak.env')
    let refused: {status?: number; stdout?: Buffer; stderr?: Buffer} = {}
    try {
      git(repo, 'commit', '-qm', 'leak')
    } catch (error) {
      refused = error as typeof refused
    }
    expect(refused.status).toBe(1)
    outputs.push(String(refused.stdout ?? ''), String(refused.stderr ?? ''))
    // git hands a hook's output to stderr
    expect(String(refused.stderr)).toContain('acme/leak.env:1 ')
    expect(git(repo, 'log', '--oneline').split('\n').filter(Boolean)).toHaveLength(2)
    git(repo, 'reset', '-q', 'acme/leak.env')
    writeFileSync(join(repo, 'acme/fine.txt'), 'nothing secret\n')
    git(repo, 'add', 'acme/fine.txt')
    git(repo, 'commit', '-qm', 'fine')
    expect(existsSync(hook)).toBe(true)
  })
})
