import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {ALNUM, BASE64, randomString} from '../../src/lib/random.js'
import type {ScanReport} from '../../src/scan/report.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, writeTree} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'

/**
 * A real file vault holding acme's entries, and a tree holding copies of them: one a rule recognises (an
 * OpenAI key in globex's .env) and four no rule does (an unprefixed token on the line after its id, and the
 * same token in base64, another URL-encoded in a link, a third JSON-escaped in a notes file).
 */
describe('outloop scan and the vault', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let home: string
  let root: string
  const outputs: string[] = []
  const passphrase = 'pass ' + randomString(ALNUM, 16)
  const openai = fakeKeyOf('OpenAI').key
  const token = randomString(ALNUM, 40)
  const tokenBase64 = Buffer.from(token).toString('base64')
  // Base64 characters and a quote and backslash, so the URL and JSON forms differ from the raw value.
  const webhook = randomString(BASE64, 20) + '+/' + randomString(BASE64, 20)
  const password = randomString(ALNUM, 16) + '"\\' + randomString(ALNUM, 16)
  const anthropic = fakeKeyOf('Anthropic').key
  const rotatedValue = randomString(ALNUM, 40)
  const values = [rotatedValue, anthropic, openai, token, tokenBase64, webhook, encodeURIComponent(webhook), password, JSON.stringify(password).slice(1, -1)]

  const cli = async (args: string[], options: {input?: string; passphrase?: boolean} = {}) => {
    const env = {OUTLOOP_VAULT: '', OUTLOOP_PASSPHRASE: options.passphrase === false ? '' : passphrase}
    const result = await runCliWithInput(args, {home, input: options.input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  const scanJson = async (args: string[], options: {passphrase?: boolean} = {}): Promise<ScanReport> => {
    const result = await cli(['scan', root, '--format', 'json', ...args], options)
    expect(result.code, result.stderr).toBe(0)
    return JSON.parse(result.stdout) as ScanReport
  }

  beforeAll(async () => {
    tmp = makeTempDir('outloop-scanknown-')
    home = join(tmp.dir, 'home')
    root = join(tmp.dir, 'clients')
    expect((await cli(['init', '--vault', 'file', '--master-key', 'passphrase'])).code).toBe(0)
    for (const [ref, value] of [
      ['outloop://acme/openai-api-key', openai],
      ['outloop://acme/backend-token', token],
      ['outloop://acme/webhook-secret', webhook],
      ['outloop://acme/db-password', password],
    ]) {
      const set = await cli(['vault', 'set', ref], {input: value})
      expect(set.code, set.stderr).toBe(0)
    }
    writeTree(root, {
      'acme/notes/backend.md': `# Backend\n\nid: backend-service\n${token}\n`,
      'acme/.env': `# moved to the vault\nOPENAI_API_KEY=outloop://acme/openai-api-key\n`,
      'globex/.env': `OPENAI_API_KEY=${openai}\n`,
      'globex/skills/deploy/SKILL.md': `---\nname: deploy\n---\nblob:\n  ${tokenBase64}\n`,
      'globex/notes/links.md': `Callback: https://hooks.example.com/cb?sig=${encodeURIComponent(webhook)}&x=1\n`,
      'initech/data.json': `{"comment": "${JSON.stringify(password).slice(1, -1)}"}\n`,
    })
  })
  afterAll(() => {
    expectNoSecrets(outputs, [...values, passphrase])
    tmp.cleanup()
  })

  it('keeps a 0600 index of fingerprints beside the vault, with refs and no values', () => {
    const path = join(home, 'vault-index.json')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const index = JSON.parse(readFileSync(path, 'utf8')) as {refs: Record<string, string>}
    expect(Object.keys(index.refs).sort()).toEqual(['outloop://acme/backend-token', 'outloop://acme/db-password', 'outloop://acme/openai-api-key', 'outloop://acme/webhook-secret'])
    for (const fingerprint of Object.values(index.refs)) expect(fingerprint).toMatch(/^[0-9a-f]{32}$/)
    expectNoSecrets(readFileSync(path, 'utf8'), values)
  })

  it('labels a left-behind copy without unlocking the vault, and finds none of the unrecognised ones', async () => {
    // No passphrase and no terminal: any attempt to unlock would fail the command.
    const report = await scanJson([], {passphrase: false})
    const copy = report.findings.find((f) => f.file === 'globex/.env')
    expect(copy?.vaulted).toBe('outloop://acme/openai-api-key')
    expect(report.secrets.find((s) => s.fingerprint === copy?.fingerprint)?.vaulted).toBe('outloop://acme/openai-api-key')
    expect(report.findings.map((f) => f.file)).toEqual(['globex/.env'])
    expect(report.findings.some((f) => f.rule === 'vault-known-value')).toBe(false)

    const text = await cli(['scan', root], {passphrase: false})
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toContain('globex/.env:1:16  a copy of outloop://acme/openai-api-key left behind')
  })

  it('--known finds the vault values no rule matches, raw and encoded, with previews and fingerprints only', async () => {
    const report = await scanJson(['--known', '--threads', '2'])
    const known = report.findings.filter((f) => f.rule === 'vault-known-value').map((f) => [f.file, f.line, f.vaulted])
    expect(known).toEqual([
      ['acme/notes/backend.md', 4, 'outloop://acme/backend-token'],
      ['globex/notes/links.md', 1, 'outloop://acme/webhook-secret'],
      ['globex/skills/deploy/SKILL.md', 5, 'outloop://acme/backend-token'],
      ['initech/data.json', 1, 'outloop://acme/db-password'],
    ])
    // Copies of one value group as one secret: the base64 one carries the raw value's fingerprint.
    const tokenGroup = report.secrets.find((s) => s.vaulted === 'outloop://acme/backend-token')
    expect(tokenGroup?.occurrences.map((o) => o.file).sort()).toEqual(['acme/notes/backend.md', 'globex/skills/deploy/SKILL.md'])
    // The rule's own finding stays the rule's, labelled, not doubled.
    expect(report.findings.filter((f) => f.file === 'globex/.env').map((f) => [f.rule === 'vault-known-value', f.vaulted])).toEqual([[false, 'outloop://acme/openai-api-key']])

    const text = await cli(['scan', root, '--known'])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toContain('acme/notes/backend.md:4:1  a copy of outloop://acme/backend-token left behind')
    expect(text.stdout).toContain('globex/skills/deploy/SKILL.md:5:3  a copy of outloop://acme/backend-token left behind')
  })

  it('--known needs the passphrase like every vault command, and says how to give one', async () => {
    const result = await cli(['scan', root, '--known'], {passphrase: false})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('OUTLOOP_PASSPHRASE')
  })

  it('after a migration of one client, the copy another client still holds is labelled with the entry the migration wrote', async () => {
    const tree = join(tmp.dir, 'partial')
    writeTree(tree, {'acme/.env': `ANTHROPIC_API_KEY=${anthropic}\n`, 'globex/.env': `ANTHROPIC_API_KEY=${anthropic}\n`})
    const migrated = await cli(['migrate', tree, '--tenant', 'acme', '--yes'])
    expect(migrated.code, migrated.stderr).toBe(0)
    const result = await cli(['scan', tree, '--format', 'json'], {passphrase: false})
    const report = JSON.parse(result.stdout) as ScanReport
    expect(report.findings.map((f) => [f.file, f.vaulted?.startsWith('outloop://acme/')])).toEqual([['globex/.env', true]])
    // Before, the tree showed the key shared by acme and globex; acme's copy is gone, the vault still says so.
    expect(report.risks.map((r) => [r.type, r.severity, r.files])).toEqual([['cross-client', 'high', ['globex/.env']]])
    expect(report.risks[0].message).toContain("is also acme's outloop://acme/")
  })

  it('drops a removed entry from the index, so its copies are no longer labelled', async () => {
    const readIndex = () => (JSON.parse(readFileSync(join(home, 'vault-index.json'), 'utf8')) as {refs: Record<string, string>}).refs
    const before = readIndex()
    const rotated = await cli(['vault', 'rotate', 'outloop://acme/webhook-secret'], {input: rotatedValue})
    expect(rotated.code, rotated.stderr).toBe(0)
    expect(readIndex()['outloop://acme/webhook-secret']).not.toBe(before['outloop://acme/webhook-secret'])
    expect((await cli(['vault', 'rm', 'outloop://acme/openai-api-key', '--yes'])).code).toBe(0)
    expect(Object.keys(readIndex())).not.toContain('outloop://acme/openai-api-key')
    const report = await scanJson([], {passphrase: false})
    expect(report.findings.find((f) => f.file === 'globex/.env')?.vaulted).toBeNull()
  })
})
