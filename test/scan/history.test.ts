import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {fingerprintSecret, loadFingerprintKey} from '../../src/lib/fingerprint.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {parseChange} from '../../src/scan/git-history.js'
import {mergeHistory, repositoryOf} from '../../src/scan/history.js'
import {KNOWN_VALUE_RULE} from '../../src/scan/known-values.js'
import type {Finding, ScanReport} from '../../src/scan/report.js'
import {scanTree} from '../../src/services/scan.js'
import {renderScanText} from '../../src/ui/scan-text.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, writeTree} from '../helpers/tree.js'

/** git with no user or system configuration and a fixed identity, as in a clean CI runner. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim()
}

function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', message)
  return git(dir, 'rev-parse', 'HEAD')
}

function initRepo(dir: string): void {
  mkdirSync(dir, {recursive: true})
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'commit.gpgsign', 'false')
}

function byRule(report: ScanReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule)
}

describe('scan --history', () => {
  const tmp = makeTempDir()
  const root = join(tmp.dir, 'clients')
  const home = join(tmp.dir, 'state')
  // k1 committed to acme/.env, removed, then the file renamed; k2 still in acme/keep.env; k3 committed in a
  // note, the note moved, then the key removed; k4 committed to globex and removed; k5 never committed.
  const k1 = fakeKeyOf('OpenAI')
  const k2 = fakeKeyOf('GitHub')
  const k3 = fakeKeyOf('Stripe')
  const k4 = fakeKeyOf('Anthropic')
  const k5 = fakeKeyOf('OpenAI')
  const secrets = [k1.key, k2.key, k3.key, k4.key, k5.key]
  const commits: Record<string, string> = {}
  let history: ScanReport
  let plain: ScanReport

  beforeAll(async () => {
    const acme = join(root, 'acme')
    initRepo(acme)
    writeTree(acme, {
      '.env': `OPENAI_API_KEY=${k1.key}\nLOG_LEVEL=info\n`,
      'keep.env': `GITHUB_TOKEN=${k2.key}\n`,
      'setup.md': `# Setup\n\nUse \`${k3.key}\` for billing.\n`,
      '.gitignore': 'local.env\n',
    })
    commits.acmeAdd = commitAll(acme, 'add config')
    writeTree(acme, {'.env': 'LOG_LEVEL=info\n'})
    mkdirSync(join(acme, 'notes'))
    git(acme, 'mv', 'setup.md', 'notes/setup.md')
    commits.acmeRemove = commitAll(acme, 'remove the key, move the note')
    git(acme, 'mv', '.env', 'config.env')
    writeTree(acme, {'notes/setup.md': '# Setup\n\nAsk for the billing key.\n'})
    commits.acmeRename = commitAll(acme, 'rename')
    // Ignored by git, so in the files and in no commit.
    writeTree(acme, {'local.env': `OPENAI_API_KEY=${k5.key}\n`})

    const globex = join(root, 'globex')
    initRepo(globex)
    writeTree(globex, {'.env': `ANTHROPIC_API_KEY=${k4.key}\n`})
    commits.globexAdd = commitAll(globex, 'add')
    writeTree(globex, {'.env': 'ANTHROPIC_API_KEY=\n'})
    commitAll(globex, 'remove')

    history = await scanTree({root, home, threads: 1, history: true})
    plain = await scanTree({root, home, threads: 1})
  })
  afterAll(() => tmp.cleanup())

  it('finds a key committed, removed and its file renamed, with its commit and path, not in the working tree', () => {
    const [found, ...more] = byRule(history, k1.rule).filter((f) => f.history?.inWorkingTree === false)
    expect(more).toEqual([])
    expect(found).toMatchObject({file: 'acme/.env', line: 1, column: 16, tenant: 'acme', name: 'OPENAI_API_KEY'})
    expect(found.history).toEqual({repository: 'acme', commits: [commits.acmeAdd], paths: ['acme/.env'], inWorkingTree: false})
  })

  it('gives a key moved before it was removed every commit and path that added it, newest first', () => {
    const [found, ...more] = byRule(history, k3.rule)
    expect(more).toEqual([])
    expect(found).toMatchObject({file: 'acme/notes/setup.md', tenant: 'acme', line: 3, column: 6})
    expect(found.history).toEqual({repository: 'acme', commits: [commits.acmeRemove, commits.acmeAdd], paths: ['acme/notes/setup.md', 'acme/setup.md'], inWorkingTree: false})
  })

  it('marks a key the files still hold as in the working tree, with where history has it', () => {
    const found = byRule(history, k2.rule)
    expect(found.map((f) => f.file)).toEqual(['acme/keep.env'])
    expect(found[0].history).toEqual({repository: 'acme', commits: [commits.acmeAdd], paths: ['acme/keep.env'], inWorkingTree: true})
    // Never committed (git ignores the file): in the files, in no commit.
    const local = history.findings.find((f) => f.file === 'acme/local.env')
    expect(local?.history).toBeNull()
  })

  it("attributes each repository's history to its own client", () => {
    const [found] = byRule(history, k4.rule)
    expect(found).toMatchObject({file: 'globex/.env', tenant: 'globex'})
    expect(found.history).toEqual({repository: 'globex', commits: [commits.globexAdd], paths: ['globex/.env'], inWorkingTree: false})
    // Six blobs in acme (two .env, keep.env, two notes, .gitignore; the renames add none), two in globex; five
    // of them are the files as they are now (config.env, keep.env, the note, .gitignore, globex's .env), not read twice.
    expect(history.history).toEqual({repositories: ['acme', 'globex'], blobs: 8, bytes: expect.any(Number), unchanged: 5})
    expect(history.tenants.map((t) => [t.tenant, t.keys])).toEqual([
      ['acme', 4],
      ['globex', 1],
    ])
  })

  it('reports a key only history holds as a risk of its own, with the advice to rotate', () => {
    const risks = history.risks.filter((r) => r.type === 'git-history')
    const only = risks.filter((r) => r.message.includes('still in'))
    expect(only.map((r) => r.tenant).sort()).toEqual(['acme', 'acme', 'globex'])
    const k1Risk = only.find((r) => r.files.includes('acme/.env'))
    expect(k1Risk?.message).toMatch(/gone from acme's files but still in acme's git history \(acme\/\.env; added in commit [0-9a-f]{7}\).*Rotate it\./)
    expect(k1Risk?.message).toContain(commits.acmeAdd.slice(0, 7))
    // The key the files still hold is committed too: migrating it leaves it in history.
    const committed = risks.filter((r) => !r.message.includes('still in'))
    expect(committed.map((r) => r.files)).toEqual([['acme/keep.env']])
    expect(committed[0].message).toMatch(/committed to acme's git history .*Rotate it once it is migrated/)
    // Not copies within the client: a key only history holds is not a duplicate of the files'.
    expect(history.risks.filter((r) => r.type === 'duplicate')).toEqual([])
  })

  it('leaves history out of the plain scan', () => {
    expect(plain.findings.map((f) => f.file).sort()).toEqual(['acme/keep.env', 'acme/local.env'])
    expect(plain.findings.every((f) => !('history' in f))).toBe(true)
    expect(plain.history).toBeUndefined()
    expect(plain.risks.filter((r) => r.type === 'git-history')).toEqual([])
  })

  it('never prints a value: JSON and text', () => {
    const text = renderScanText(history, {color: false})
    expect(text).toContain(`acme/.env:1:16  ${k1.rule}`)
    expect(text).toContain(`(only in git history: ${commits.acmeAdd.slice(0, 7)})`)
    expect(text).toContain(`(committed: ${commits.acmeAdd.slice(0, 7)})`)
    expect(text).toMatch(/8 blobs of git history, .* from 2 repositories/)
    expectNoSecrets([text, JSON.stringify(history)], secrets)
  })

  it('applies the ignores to committed paths, and finds the root\'s own repository and ones inside it', async () => {
    const other = makeTempDir()
    try {
      const top = other.dir
      const key = fakeKeyOf('OpenAI')
      const vendored = fakeKeyOf('GitHub')
      const nested = fakeKeyOf('Anthropic')
      initRepo(top)
      writeTree(top, {'acme/.env': `OPENAI_API_KEY=${key.key}\n`, 'acme/node_modules/pkg/.env': `GITHUB_TOKEN=${vendored.key}\n`, '.gitignore': 'globex/\n'})
      const added = commitAll(top, 'add')
      // Moved to another client's folder: each client's part of the root's history is its own.
      git(top, 'mv', 'acme/.env', 'globex-old.env')
      rmSync(join(top, 'acme/node_modules'), {recursive: true})
      const moved = commitAll(top, 'move')
      writeFileSync(join(top, 'globex-old.env'), 'OPENAI_API_KEY=\n')
      commitAll(top, 'remove')
      initRepo(join(top, 'globex'))
      writeTree(join(top, 'globex'), {'.env': `ANTHROPIC_API_KEY=${nested.key}\n`})
      const nestedAdd = commitAll(join(top, 'globex'), 'add')
      writeTree(join(top, 'globex'), {'.env': ''})
      commitAll(join(top, 'globex'), 'remove')

      const report = await scanTree({root: top, home, threads: 1, history: true})
      expect(report.history?.repositories).toEqual(['', 'globex'])
      const shown = report.findings.map((f) => [f.file, f.tenant, f.history?.repository, f.history?.commits])
      expect(shown).toEqual([
        ['acme/.env', 'acme', '', [added]],
        ['globex-old.env', null, '', [moved]],
        ['globex/.env', 'globex', 'globex', [nestedAdd]],
      ])
      expect(report.complete).toBe(true)
      expectNoSecrets(JSON.stringify(report), [key.key, vendored.key, nested.key])
    } finally {
      other.cleanup()
    }
  })

  it('reads the repository a root sits inside, only below the root, and names holding line breaks', async () => {
    const other = makeTempDir()
    try {
      const inside = fakeKeyOf('OpenAI')
      const outside = fakeKeyOf('GitHub')
      const odd = fakeKeyOf('Stripe')
      initRepo(other.dir)
      writeTree(other.dir, {'clients/acme/.env': `OPENAI_API_KEY=${inside.key}\n`, 'ops/.env': `GITHUB_TOKEN=${outside.key}\n`, 'clients/acme/a\nb.env': `STRIPE_KEY=${odd.key}\n`})
      const added = commitAll(other.dir, 'add')
      rmSync(join(other.dir, 'clients/acme'), {recursive: true})
      mkdirSync(join(other.dir, 'clients/acme'))
      writeFileSync(join(other.dir, 'clients/acme/README.md'), 'acme\n')
      commitAll(other.dir, 'remove')
      const report = await scanTree({root: join(other.dir, 'clients'), home, threads: 1, history: true})
      expect(report.history?.repositories).toEqual([''])
      expect(report.findings.map((f) => [f.file, f.tenant, f.history?.commits, f.history?.inWorkingTree])).toEqual([
        ['acme/.env', 'acme', [added], false],
        ['acme/a\nb.env', 'acme', [added], false],
      ])
      expectNoSecrets(JSON.stringify(report), [inside.key, outside.key, odd.key])
    } finally {
      other.cleanup()
    }
  })

  it("takes a blob identical to another client's file from that file's scan, and still places it in its own client", async () => {
    const other = makeTempDir()
    try {
      const key = fakeKeyOf('OpenAI')
      const content = `OPENAI_API_KEY=${key.key}\n`
      writeTree(other.dir, {'acme/.env': content, 'globex/config/.env': content})
      initRepo(join(other.dir, 'globex'))
      const added = commitAll(join(other.dir, 'globex'), 'add')
      rmSync(join(other.dir, 'globex/config'), {recursive: true})
      writeTree(other.dir, {'globex/README.md': 'globex\n'})
      commitAll(join(other.dir, 'globex'), 'remove')
      const report = await scanTree({root: other.dir, home, threads: 1, history: true})
      expect(report.history).toMatchObject({blobs: 2, unchanged: 2})
      expect(report.findings.map((f) => [f.file, f.tenant, f.line, f.column, f.history?.inWorkingTree ?? null])).toEqual([
        ['acme/.env', 'acme', 1, 16, null],
        ['globex/config/.env', 'globex', 1, 16, false],
      ])
      expect(report.findings[1].history?.commits).toEqual([added])
      expect(report.risks.map((r) => r.type).sort()).toEqual(['cross-client', 'git-history'])
    } finally {
      other.cleanup()
    }
  })

  it("reads a linked worktree's history once, with its repository's", async () => {
    const other = makeTempDir()
    try {
      const gone = fakeKeyOf('OpenAI')
      const branch = fakeKeyOf('GitHub')
      const acme = join(other.dir, 'acme')
      initRepo(acme)
      writeTree(acme, {'.env': `OPENAI_API_KEY=${gone.key}\n`})
      commitAll(acme, 'add')
      writeTree(acme, {'.env': ''})
      commitAll(acme, 'remove')
      git(acme, 'worktree', 'add', '-q', '-b', 'feature', '.wt/feature')
      writeTree(acme, {'.wt/feature/feature.env': `GITHUB_TOKEN=${branch.key}\n`})
      const onBranch = commitAll(join(acme, '.wt/feature'), 'feature')
      const report = await scanTree({root: other.dir, home, threads: 1, history: true})
      expect(report.history?.repositories).toEqual(['acme'])
      expect(report.findings.map((f) => [f.file, f.history?.repository, f.history?.inWorkingTree])).toEqual([
        ['acme/.env', 'acme', false],
        ['acme/.wt/feature/feature.env', 'acme', true],
      ])
      expect(report.findings[1].history?.commits).toEqual([onBranch])
    } finally {
      other.cleanup()
    }
  })

  it('with known values, finds a copy no rule recognises that only history holds', async () => {
    const other = makeTempDir()
    try {
      const value = randomBytes(24).toString('base64url')
      const fingerprint = fingerprintSecret(loadFingerprintKey(home).key, new SecretValue(value))
      initRepo(join(other.dir, 'acme'))
      writeTree(other.dir, {'acme/notes.txt': `billing: ${value}\n`})
      const added = commitAll(join(other.dir, 'acme'), 'add')
      writeTree(other.dir, {'acme/notes.txt': 'billing: ask\n'})
      commitAll(join(other.dir, 'acme'), 'remove')
      const report = await scanTree({root: other.dir, home, threads: 1, history: true, known: [{ref: 'outloop://acme/billing', fingerprint, provider: null, value: new SecretValue(value)}]})
      expect(report.findings.map((f) => [f.file, f.rule, f.vaulted, f.history?.commits])).toEqual([['acme/notes.txt', KNOWN_VALUE_RULE, 'outloop://acme/billing', [added]]])
      expectNoSecrets(JSON.stringify(report), [value])
    } finally {
      other.cleanup()
    }
  })

  it('lists a repository git cannot read as not read, and reads the others', async () => {
    const other = makeTempDir()
    try {
      const key = fakeKeyOf('OpenAI')
      initRepo(join(other.dir, 'acme'))
      writeTree(other.dir, {'acme/.env': `OPENAI_API_KEY=${key.key}\n`, 'globex/.git': 'gitdir: /nonexistent/outloop-test\n'})
      commitAll(join(other.dir, 'acme'), 'add')
      writeTree(other.dir, {'acme/.env': ''})
      commitAll(join(other.dir, 'acme'), 'remove')
      // A blob history names but the repository lost (a partial clone's, a damaged one's): listed as not read.
      writeTree(other.dir, {'acme/notes.md': 'old notes\n'})
      const noted = commitAll(join(other.dir, 'acme'), 'notes')
      const lost = git(join(other.dir, 'acme'), 'rev-parse', 'HEAD:notes.md')
      rmSync(join(other.dir, 'acme/notes.md'))
      commitAll(join(other.dir, 'acme'), 'drop notes')
      rmSync(join(other.dir, 'acme/.git/objects', lost.slice(0, 2), lost.slice(2)))
      const report = await scanTree({root: other.dir, home, threads: 1, history: true})
      expect(report.findings.map((f) => f.file)).toEqual(['acme/.env'])
      expect(report.skipped).toEqual([
        {file: `acme/notes.md@${noted.slice(0, 7)}`, reason: 'unreadable'},
        {file: 'globex/.git', reason: 'unreadable'},
      ])
      expect(report.complete).toBe(false)
    } finally {
      other.cleanup()
    }
  })
})

describe('history parsing and merging', () => {
  it("reads a commit's change line and a merge's combined one", () => {
    const a = 'a'.repeat(40)
    const b = 'b'.repeat(40)
    const c = 'c'.repeat(40)
    expect(parseChange(`:100644 100644 ${a} ${b} M`)).toEqual({mode: '100644', object: b})
    expect(parseChange(`::100644 100644 100755 ${a} ${b} ${c} MM`)).toEqual({mode: '100755', object: c})
    expect(parseChange(`:000000 100644 ${a} ${b}`)).toBeNull()
    expect(parseChange('commit')).toBeNull()
  })

  it('places a path in its innermost repository', () => {
    expect(repositoryOf('acme/app/.env', ['', 'acme', 'acme/app'])).toBe('acme/app')
    expect(repositoryOf('acme/.env', ['', 'acme/app'])).toBe('')
    expect(repositoryOf('acmex/.env', ['acme'])).toBeNull()
  })

  it('keeps a working finding of a value with no history as null, and adds nothing', () => {
    const finding = {file: 'acme/.env', fingerprint: 'f1', tenant: 'acme', area: null} as unknown as Finding
    expect(mergeHistory([{finding, hash: null}], [], ['acme'], () => ({tenant: 'acme', area: null}))).toEqual([{finding: {...finding, history: null}, hash: null}])
  })
})
