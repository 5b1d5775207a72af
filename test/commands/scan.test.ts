import {spawn} from 'node:child_process'
import {chmodSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {ScanReport} from '../../src/scan/report.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {git, initRepo} from '../helpers/git.js'
import {sarifSchemaErrors} from '../helpers/sarif.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT, runCli, writeTree, type CliResult} from '../helpers/tree.js'

/**
 * An agency tree with every relationship the report must show: a key copied within a client, a key shared
 * by two clients, a key from acme copied into globex's skill (with acme's store domain), a template key
 * also used by a client, and decoys that must not be reported.
 */
function plantAgencyTree(root: string) {
  const openai = fakeKeyOf('OpenAI')
  const anthropic = fakeKeyOf('Anthropic')
  const github = fakeKeyOf('GitHub')
  const stripe = fakeKeyOf('Stripe')
  writeTree(root, {
    'acme/.env': `# acme\nOPENAI_API_KEY=${openai.key}\nSHOPIFY_STORE=acme-store.myshopify.com\n`,
    'acme/docker-compose.yml': `services:\n  agent:\n    image: agent\n    environment:\n      OPENAI_API_KEY: "${openai.key}"\n`,
    'acme/notes/setup.md': `# Setup\n\nUse \`${stripe.key}\` for billing.\n`,
    'globex/.env': `ANTHROPIC_API_KEY=${anthropic.key}\nGITHUB_TOKEN=${github.key}\n`,
    'globex/skills/shop/SKILL.md': `---\nname: shop\n---\nStore: acme-store.myshopify.com\n\n\`\`\`bash\nexport OPENAI_API_KEY=${openai.key}\n\`\`\`\n`,
    'initech/.env': `ANTHROPIC_API_KEY=${anthropic.key}\n`,
    '_templates/.env': `STRIPE_SECRET_KEY=${stripe.key}\nOPENAI_API_KEY=your-api-key-here\n`,
    'initech/decoys.env': 'OPENAI_API_KEY=sk-...\nTOKEN=${GITHUB_TOKEN}\nKEY=<OPENAI_API_KEY>\nPASSWORD=changeme\nREF=outloop://initech/openai-api-key\n',
  })
  return {openai, anthropic, github, stripe, secrets: [openai.key, anthropic.key, github.key, stripe.key]}
}

describe('outloop scan', () => {
  let root: string
  let home: string
  let planted: ReturnType<typeof plantAgencyTree>
  let json: CliResult
  let report: ScanReport
  const cleanups: Array<() => void> = []

  beforeAll(async () => {
    const tree = makeTempDir()
    const state = makeTempDir()
    cleanups.push(tree.cleanup, state.cleanup)
    root = tree.dir
    home = state.dir
    planted = plantAgencyTree(root)
    json = await runCli(['scan', root, '--format', 'json'], {home})
    report = JSON.parse(json.stdout)
  })
  afterAll(() => cleanups.forEach((c) => c()))

  it('reports every planted key at its exact position, and no decoy', () => {
    expect(json.code).toBe(0)
    const where = report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.tenant ?? '-'} ${f.name}`)
    expect(where).toEqual([
      `_templates/.env:1:19 ${planted.stripe.rule} - STRIPE_SECRET_KEY`,
      `acme/.env:2:16 ${planted.openai.rule} acme OPENAI_API_KEY`,
      `acme/docker-compose.yml:5:24 ${planted.openai.rule} acme OPENAI_API_KEY`,
      `acme/notes/setup.md:3:6 ${planted.stripe.rule} acme null`,
      `globex/.env:1:19 ${planted.anthropic.rule} globex ANTHROPIC_API_KEY`,
      `globex/.env:2:14 ${planted.github.rule} globex GITHUB_TOKEN`,
      `globex/skills/shop/SKILL.md:7:23 ${planted.openai.rule} globex OPENAI_API_KEY`,
      `initech/.env:1:19 ${planted.anthropic.rule} initech ANTHROPIC_API_KEY`,
    ])
    expect(report.schema).toBe('outloop.scan/v1')
    expect(report.complete).toBe(true)
    expect(report.stats).toMatchObject({files: 8, findings: 8, secrets: 4, skipped: 0})
  })

  it('groups values into secrets with their tenants', () => {
    const byRule = new Map(report.secrets.map((s) => [s.rule, s]))
    expect(byRule.get(planted.openai.rule)).toMatchObject({tenants: ['acme', 'globex'], crossClient: true, owner: 'acme'})
    expect(byRule.get(planted.openai.rule)?.occurrences).toHaveLength(3)
    expect(byRule.get(planted.anthropic.rule)).toMatchObject({tenants: ['globex', 'initech'], crossClient: true, owner: null})
    expect(byRule.get(planted.stripe.rule)).toMatchObject({tenants: ['acme'], areas: ['_templates']})
    const fingerprints = report.findings.filter((f) => f.rule === planted.openai.rule).map((f) => f.fingerprint)
    expect(new Set(fingerprints).size).toBe(1)
    expect(fingerprints[0]).toMatch(/^[0-9a-f]{32}$/)
  })

  it('names the risks, worst first', () => {
    expect(report.risks.map((r) => `${r.type} ${r.tenant ?? '-'} ${r.owner ?? '-'}`)).toEqual([
      'foreign-tenant globex acme',
      'cross-client - -',
      'foreign-account globex acme',
      'shared-area - acme',
      'duplicate acme -',
    ])
    expect(report.tenants).toEqual([
      {tenant: 'acme', keys: 3, unique: 2, duplicated: 1, crossClient: 1, foreign: 0},
      {tenant: 'globex', keys: 3, unique: 3, duplicated: 0, crossClient: 2, foreign: 1},
      {tenant: 'initech', keys: 1, unique: 1, duplicated: 0, crossClient: 1, foreign: 0},
    ])
  })

  it('never prints a secret, in any format', async () => {
    const text = await runCli(['scan', root], {home})
    const sarif = await runCli(['scan', root, '--format', 'sarif'], {home})
    expectNoSecrets([json.stdout, json.stderr, text.stdout, text.stderr, sarif.stdout, sarif.stderr], planted.secrets)
    for (const f of report.findings) expect(f.preview.replace('…', '').length).toBeLessThanOrEqual(12)
  })

  it('prints a text summary a person reads in seconds', async () => {
    const text = await runCli(['scan', root], {home})
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^4 keys in 8 places across 3 clients/)
    expect(text.stdout).toMatch(/CLIENT\s+KEYS\s+UNIQUE\s+DUPLICATED\s+CROSS-CLIENT\s+FOREIGN/)
    expect(text.stdout).toMatch(/globex\s+3\s+3\s+0\s+2\s+1/)
    expect(text.stdout).toContain('CRITICAL  foreign-tenant')
    expect(text.stdout).toContain(`acme/.env:2:16  ${planted.openai.rule}  sk-`)
    expect(text.stdout).not.toContain('\u001B[')
  })

  it('writes SARIF 2.1.0 that validates against the schema', async () => {
    const sarif = await runCli(['scan', root, '--format', 'sarif'], {home})
    const document = JSON.parse(sarif.stdout)
    expect(sarifSchemaErrors(document)).toEqual([])
    const results = document.runs[0].results
    expect(results).toHaveLength(8)
    expect(results[1].locations[0].physicalLocation).toEqual({artifactLocation: {uri: 'acme/.env', uriBaseId: 'ROOT'}, region: {startLine: 2, startColumn: 16, endLine: 2, endColumn: 16 + planted.openai.key.length}})
  })

  it('writes the report to --output and keeps stdout empty', async () => {
    const out = join(home, 'report.json')
    const result = await runCli(['scan', root, '--format', 'json', '--output', out], {home})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('8 findings written to')
    const written = readFileSync(out, 'utf8')
    expect(JSON.parse(written).findings).toHaveLength(8)
    expectNoSecrets(written, planted.secrets)
  })

  it('exits 1 with --fail-on any when keys are found', async () => {
    const result = await runCli(['scan', root, '--fail-on', 'any', '--format', 'json'], {home})
    expect(result.code).toBe(1)
    expectNoSecrets([result.stdout, result.stderr], planted.secrets)
  })
})

describe('outloop scan on edge cases', () => {
  it('prints an empty report for an empty folder and exits 0', async () => {
    const tree = makeTempDir()
    try {
      const text = await runCli(['scan', tree.dir, '--fail-on', 'any'], {home: tree.dir + '/.state'})
      expect(text.code).toBe(0)
      expect(text.stdout).toMatch(/^No plaintext keys found \(0 files/)
      const json = await runCli(['scan', tree.dir, '--format', 'json'], {home: tree.dir + '/.state'})
      expect(JSON.parse(json.stdout)).toMatchObject({findings: [], secrets: [], risks: [], complete: true})
    } finally {
      tree.cleanup()
    }
  })

  it('exits 2 with a clear message for a missing root, a file as root, and a bad flag', async () => {
    const tree = makeTempDir()
    try {
      writeFileSync(join(tree.dir, 'file.txt'), 'x')
      const missing = await runCli(['scan', join(tree.dir, 'nope')], {home: tree.dir})
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('no such folder')
      const file = await runCli(['scan', join(tree.dir, 'file.txt')], {home: tree.dir})
      expect(file.code).toBe(2)
      expect(file.stderr).toContain('it is a file, not a folder')
      const flag = await runCli(['scan', tree.dir, '--format', 'xml'], {home: tree.dir})
      expect(flag.code).toBe(2)
      // A key typed where it does not belong is not echoed back in the usage error.
      const typed = fakeKeyOf('OpenAI').key
      const stray = await runCli(['scan', tree.dir, typed], {home: tree.dir})
      const asFlag = await runCli(['scan', tree.dir, `--format=${typed}`], {home: tree.dir})
      expect([stray.code, asFlag.code]).toEqual([2, 2])
      expect(stray.stderr).toContain('Unexpected argument: [argument]')
      expectNoSecrets([stray.stdout, stray.stderr, asFlag.stdout, asFlag.stderr], [typed])
      const size = await runCli(['scan', tree.dir, '--max-file-size', 'huge'], {home: tree.dir})
      expect(size.code).toBe(2)
      expect(size.stderr).toContain('is not a size')
      const config = join(tree.dir, 'cfg')
      writeTree(config, {'outloop.yaml': 'shared: nope\n'})
      const badConfig = await runCli(['scan', config], {home: tree.dir})
      expect(badConfig.code).toBe(2)
      expect(badConfig.stderr).toContain('outloop.yaml:1:9')
    } finally {
      tree.cleanup()
    }
  })

  it('reports what it could not read, calls the scan incomplete, and fails on it unless allowed', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      writeTree(tree.dir, {'acme/big.env': `OPENAI_API_KEY=${openai.key}\n` + '#'.repeat(4096), 'acme/small.txt': 'nothing\n'})
      const text = await runCli(['scan', tree.dir, '--max-file-size', '1KB', '--fail-on', 'any'], {home: tree.dir + '/.state'})
      expect(text.code).toBe(1)
      expect(text.stdout).toContain('Scan incomplete: 1 path not read (1 too-large)')
      expect(text.stdout).toContain('acme/big.env  (too-large)')
      expect(text.stdout).toContain('but the scan is incomplete')
      const allowed = await runCli(['scan', tree.dir, '--max-file-size', '1KB', '--fail-on', 'any', '--allow-incomplete'], {home: tree.dir + '/.state'})
      expect(allowed.code).toBe(0)
      const json = JSON.parse((await runCli(['scan', tree.dir, '--max-file-size', '1KB', '--format', 'json'], {home: tree.dir + '/.state'})).stdout)
      expect(json.complete).toBe(false)
      expect(json.skipped).toEqual([{file: 'acme/big.env', reason: 'too-large'}])
      expectNoSecrets([text.stdout, text.stderr], [openai.key])
    } finally {
      tree.cleanup()
    }
  })

  it('lists an unreadable file when run as an unprivileged user', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      writeTree(tree.dir, {'acme/locked.env': `OPENAI_API_KEY=${openai.key}\n`, 'acme/open.env': `OPENAI_API_KEY=${openai.key}\n`})
      chmodSync(tree.dir, 0o755)
      chmodSync(join(tree.dir, 'acme'), 0o755)
      chmodSync(join(tree.dir, 'acme', 'open.env'), 0o644)
      chmodSync(join(tree.dir, 'acme', 'locked.env'), 0o600)
      const asRoot = process.getuid?.() === 0
      const result = await runCli(['scan', tree.dir, '--format', 'json'], {home: join(tree.dir, '.state-nobody'), ...(asRoot ? {uid: 65534, gid: 65534} : {})})
      if (asRoot) chmodSync(join(tree.dir, 'acme', 'locked.env'), 0o600)
      else chmodSync(join(tree.dir, 'acme', 'locked.env'), 0o000)
      const report = JSON.parse(result.stdout)
      expect(result.code, result.stderr).toBe(0)
      expect(report.skipped).toEqual([{file: 'acme/locked.env', reason: 'unreadable'}])
      expect(report.complete).toBe(false)
      expect(report.findings.map((f: {file: string}) => f.file)).toEqual(['acme/open.env'])
    } finally {
      tree.cleanup()
    }
  })

  it('reads non-UTF-8 text and very long lines, and skips binary files without calling the scan incomplete', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      const latin1 = Buffer.concat([Buffer.from('# caf\xe9 notes\n', 'latin1'), Buffer.from(`OPENAI_API_KEY=${openai.key}\n`)])
      const longLine = 'x'.repeat(300_000) + ` "${openai.key}"\n`
      const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(openai.key)])
      writeTree(tree.dir, {'acme/notes.txt': latin1, 'acme/bundle.min.js': longLine, 'acme/logo.png': binary})
      const result = await runCli(['scan', tree.dir, '--format', 'json'], {home: join(tree.dir, '.state')})
      const report = JSON.parse(result.stdout)
      expect(report.findings.map((f: {file: string; line: number; column: number}) => `${f.file}:${f.line}:${f.column}`)).toEqual(['acme/bundle.min.js:1:300003', 'acme/notes.txt:2:16'])
      expect(report.skipped).toEqual([{file: 'acme/logo.png', reason: 'binary'}])
      expect(report.complete).toBe(true)
      expectNoSecrets([result.stdout, result.stderr], [openai.key])
    } finally {
      tree.cleanup()
    }
  })
})

/** The real CLI under a pseudo-terminal (`script`), where it draws the same live counts as the wizard. */
describe('outloop scan on a terminal', () => {
  it('shows live progress (files, MB/s, keys so far) on a TTY, and none when stderr is a pipe', async () => {
    const {dir, cleanup} = makeTempDir('outloop-scan-tty-')
    try {
      const root = join(dir, 'clients')
      const {key} = fakeKeyOf('OpenAI')
      const files: Record<string, string> = {}
      for (let i = 0; i < 400; i++) files[`client-${i % 8}/notes/n${i}.md`] = `# notes ${i}\n${'lorem ipsum '.repeat(400)}\n`
      files['acme/.env'] = `OPENAI_API_KEY=${key}\n`
      writeTree(root, files)
      const bin = join(REPO_ROOT, 'bin', 'run.js')
      const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`
      const command = `env OUTLOOP_HOME=${quote(join(dir, 'home'))} NO_COLOR=1 ${quote(process.execPath)} ${quote(bin)} scan ${quote(root)}`
      const shown = await new Promise<string>((resolve, reject) => {
        const child = spawn('script', ['-qec', command, '/dev/null'], {stdio: ['ignore', 'pipe', 'pipe']})
        let out = ''
        child.stdout.on('data', (d) => (out += d))
        child.stderr.on('data', (d) => (out += d))
        child.on('error', reject)
        child.on('close', () => resolve(out))
      })
      expect(shown).toMatch(/Scanning: [\d,]+ files?, [\d.]+ MB \(\d+ MB\/s\), \d+ keys? so far/)
      expect(shown).toContain('1 key in 1 place across 1 client')
      const piped = await runCli(['scan', root], {home: join(dir, 'home')})
      expect(piped.stderr).not.toContain('Scanning:')
      expectNoSecrets([shown, piped.stdout, piped.stderr], [key])
    } finally {
      cleanup()
    }
  }, 60_000)
})

/** Inputs an outside probe used to crash a scan, hide files from it, or take over the terminal it prints to. */
describe('outloop scan on hostile input', () => {
  it('completes on the two YAML files that aborted it (exit 134), reporting them as format errors', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      writeTree(tree.dir, {
        'acme/a.yaml': 'env:\n  OPENAI_API_KEY: "value" : : [\n  other: {\n',
        'acme/b.yaml': '- ' + '['.repeat(5000) + '"OPENAI_API_KEY"' + ']'.repeat(5000),
        'acme/c.yaml': `OPENAI_API_KEY: ${openai.key}\nnested: ${'['.repeat(5000)}\n`,
      })
      for (const threads of ['1', '2']) {
        const result = await runCli(['scan', tree.dir, '--format', 'json', '--threads', threads], {home: join(tree.dir, '.state')})
        expect(result.code, result.stderr).toBe(0)
        const report = JSON.parse(result.stdout) as ScanReport
        expect(report.complete).toBe(true)
        expect(report.formatErrors.map((e) => `${e.file} ${e.reason}`)).toEqual(['acme/a.yaml block as implicit key', 'acme/b.yaml nesting too deep', 'acme/c.yaml nesting too deep'])
        // The line pass still reads the file that was too deep to parse.
        expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['acme/c.yaml:1:17'])
        expectNoSecrets([result.stdout, result.stderr], [openai.key])
      }
    } finally {
      tree.cleanup()
    }
  })

  /** Names a terminal or a line-oriented reader would act on: line breaks, ANSI and OSC sequences, C1 CSI, a bidi override. */
  const hostileNames = ['a\nb.env', 'c\rd.env', 'e\r\nf.env', 'x\u001b]0;pwned\u0007\u001b[2J.env', 'y\u009b31m.env', 'z\u202eexe.env']

  it('scans files whose names hold line breaks or escape sequences, in folders named so too, and --staged sees them', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      const files: Record<string, string> = {}
      for (const name of hostileNames) files[`acme/${name}`] = `OPENAI_API_KEY=${openai.key}\n`
      files['acme/sub\ndir/deep.env'] = `OPENAI_API_KEY=${openai.key}\n`
      files['acme/sub\ndir/ignored.log'] = `OPENAI_API_KEY=${openai.key}\n`
      writeTree(tree.dir, files)
      const expected = [...hostileNames.map((n) => `acme/${n}`), 'acme/sub\ndir/deep.env'].sort()
      const home = join(tree.dir, '.state')
      const result = await runCli(['scan', tree.dir, '--format', 'json', '--ignore', '**/*.log', '--fail-on', 'any'], {home})
      expect(result.code).toBe(1)
      const report = JSON.parse(result.stdout) as ScanReport
      expect(report.complete).toBe(true)
      expect(report.findings.map((f) => f.file).sort()).toEqual(expected)
      expectNoSecrets([result.stdout, result.stderr], [openai.key])

      // A pre-commit hook reads git's list, where such names once dropped out of the check.
      initRepo(tree.dir)
      git(tree.dir, 'add', 'acme')
      const staged = await runCli(['scan', tree.dir, '--staged', '--format', 'json', '--ignore', '**/*.log'], {home})
      expect(staged.code, staged.stderr).toBe(0)
      expect((JSON.parse(staged.stdout) as ScanReport).findings.map((f) => f.file).sort()).toEqual(expected)
      git(tree.dir, 'commit', '-qm', 'base', '--allow-empty')
      writeTree(tree.dir, {'acme/new\nline.env': `OPENAI_API_KEY=${openai.key}\n`})
      git(tree.dir, 'add', 'acme')
      git(tree.dir, 'commit', '-qm', 'add')
      const diff = await runCli(['scan', tree.dir, '--diff', 'HEAD~1', '--format', 'json'], {home})
      expect((JSON.parse(diff.stdout) as ScanReport).findings.map((f) => f.file)).toEqual(['acme/new\nline.env'])
    } finally {
      tree.cleanup()
    }
  })

  it('prints every such name escaped in the text report and the migration plan: no control character reaches the terminal', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      const files: Record<string, string> = {}
      for (const name of hostileNames) files[`acme/${name}`] = `OPENAI_API_KEY=${openai.key}\n`
      files['_tem\u001b[31mplates/.env'] = `OPENAI_API_KEY=${openai.key}\n`
      files['acme/b\u001b[1mroken.json'] = '{"OPENAI_API_KEY": ' + '['.repeat(500)
      writeTree(tree.dir, files)
      const home = join(tree.dir, '.state')
      const scan = await runCli(['scan', tree.dir], {home})
      const plan = await runCli(['migrate', tree.dir, '--dry-run'], {home, env: {OUTLOOP_PASSPHRASE: 'test passphrase for the dry run'}})
      for (const out of [scan, plan]) {
        expect(out.code, out.stderr).toBe(0)
        // Nothing but line feeds among the C0/C1 controls, and no bidi override.
        expect(out.stdout.replaceAll('\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
        expect(out.stderr.replaceAll('\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
        expectNoSecrets([out.stdout, out.stderr], [openai.key])
      }
      for (const shown of ['acme/a\\nb.env:1:16', 'acme/c\\rd.env:1:16', 'acme/e\\r\\nf.env:1:16', 'acme/x\\x1b]0;pwned\\x07\\x1b[2J.env:1:16', 'acme/y\\x9b31m.env:1:16', 'acme/z\\u{202e}exe.env:1:16']) {
        expect(scan.stdout).toContain(`  ${shown}  `)
      }
      expect(scan.stdout).toContain('_tem\\x1b[31mplates')
      expect(scan.stdout).toContain('  acme/b\\x1b[1mroken.json:1:')
      expect(plan.stdout).toContain('  acme/x\\x1b]0;pwned\\x07\\x1b[2J.env (dotenv)')
      expect(plan.stdout).toContain('  acme/a\\nb.env (dotenv)')
    } finally {
      tree.cleanup()
    }
  })

  it('reads UTF-16 text and .env files with a stray NUL, and names the binary files it did not read in the text report', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      const env = `# written by PowerShell\r\nOPENAI_API_KEY=${openai.key}\r\n`
      const utf16be = Buffer.from(env, 'utf16le').swap16()
      writeTree(tree.dir, {
        'acme/le.env': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(env, 'utf16le')]),
        'acme/be.env': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
        'acme/nobom.env': Buffer.from(env, 'utf16le'),
        'acme/nul.env': `A=1\u0000\nOPENAI_API_KEY=${openai.key}\n`,
        'acme/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(openai.key)]),
        'acme/tool.bin': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.from(openai.key), Buffer.alloc(64)]),
      })
      const home = join(tree.dir, '.state')
      const json = await runCli(['scan', tree.dir, '--format', 'json'], {home})
      const report = JSON.parse(json.stdout) as ScanReport
      expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.name}`)).toEqual([
        'acme/be.env:2:16 OPENAI_API_KEY',
        'acme/le.env:2:16 OPENAI_API_KEY',
        'acme/nobom.env:2:16 OPENAI_API_KEY',
        'acme/nul.env:2:16 OPENAI_API_KEY',
      ])
      expect(report.skipped).toEqual([
        {file: 'acme/logo.png', reason: 'binary'},
        {file: 'acme/tool.bin', reason: 'binary'},
      ])
      expect(report.complete).toBe(true)
      const text = await runCli(['scan', tree.dir], {home})
      expect(text.stdout).toContain('2 binary files not read:\n  acme/logo.png\n  acme/tool.bin\n')
      // git's content goes through the same decoding.
      initRepo(tree.dir)
      git(tree.dir, 'add', 'acme')
      const staged = JSON.parse((await runCli(['scan', tree.dir, '--staged', '--format', 'json'], {home})).stdout) as ScanReport
      expect(staged.findings.map((f) => f.file)).toEqual(report.findings.map((f) => f.file))
      // Rewriting needs UTF-8: a migration names the UTF-16 files it leaves in place instead of mangling them.
      const plan = await runCli(['migrate', tree.dir, '--dry-run'], {home, env: {OUTLOOP_PASSPHRASE: 'test passphrase for the dry run'}})
      expect(plan.code, plan.stderr).toBe(0)
      expect(plan.stdout).toContain('acme/le.env: not UTF-8 text: left in place')
      expectNoSecrets([json.stdout, text.stdout, text.stderr, plan.stdout, plan.stderr], [openai.key])
    } finally {
      tree.cleanup()
    }
  })

  it('scans a notes file naming a hundred thousand accounts in seconds, not minutes', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      // Each name's line was counted from the top of the file: quadratic, about 45 s for this file.
      const names = Array.from({length: 100_000}, (_, i) => `team${i}.slack.com`).join('\n')
      writeTree(tree.dir, {'acme/notes/workspaces.md': `${names}\nkey ${openai.key}\n`, 'globex/.env': 'SLACK_WORKSPACE=team5.slack.com\n'})
      const result = await runCli(['scan', tree.dir, '--format', 'json'], {home: join(tree.dir, '.state')})
      const report = JSON.parse(result.stdout) as ScanReport
      expect(report.stats.ms).toBeLessThan(10_000)
      expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['acme/notes/workspaces.md:100001'])
      expect(report.risks.map((r) => r.type)).toContain('foreign-account')
      expectNoSecrets([result.stdout, result.stderr], [openai.key])
    } finally {
      tree.cleanup()
    }
  })

  it('scans lines of repeated assignments and files of unclosed key blocks in linear time', async () => {
    const tree = makeTempDir()
    try {
      const openai = fakeKeyOf('OpenAI')
      writeTree(tree.dir, {
        // Each `password=` started a value running to the end of the line: quadratic, half a minute here.
        'acme/notes/pw.txt': `${'password='.repeat(16_000)}\nkey ${openai.key}\n`,
        // Each BEGIN without an END tried every END-shaped stretch after it: minutes for a megabyte.
        'acme/notes/blocks.txt': `${'-----BEGIN RSA PRIVATE KEY-----\n'.repeat(16_000)}key ${openai.key}\n`,
      })
      const result = await runCli(['scan', tree.dir, '--format', 'json'], {home: join(tree.dir, '.state')})
      const report = JSON.parse(result.stdout) as ScanReport
      expect(report.stats.ms).toBeLessThan(5_000)
      expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['acme/notes/blocks.txt:16001', 'acme/notes/pw.txt:2'])
      expectNoSecrets([result.stdout, result.stderr], [openai.key])
    } finally {
      tree.cleanup()
    }
  })
})
