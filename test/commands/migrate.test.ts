import {chmodSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {extractValues} from '../../src/formats/index.js'
import {openSecretStore} from '../../src/vault/open.js'
import {readTreeBytes, writeFormatsTree, type PlantedTree} from '../apply/migrate-tree.js'
import {expectNoSecrets, makeTempDir, runCli, type CliResult} from '../helpers/tree.js'

const PASSPHRASE = 'migrate test passphrase'

interface ScanDoc {
  findings: {file: string; fingerprint: string; tenant: string | null}[]
}

describe('outloop migrate and rollback, round trip over every format', () => {
  const temp = makeTempDir('outloop-migrate-')
  const root = join(temp.dir, 'clients')
  const home = join(temp.dir, 'home')
  const env = {OUTLOOP_PASSPHRASE: PASSPHRASE}
  const outputs: string[] = []
  const cli = async (args: string[]): Promise<CliResult> => {
    const result = await runCli(args, {home, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  let tree: PlantedTree
  let before: ScanDoc
  let planDoc: {entries: {ref: string; tenant: string; sharedAcrossClients: boolean}[]; files: {file: string}[]}
  let result: CliResult
  let migrated: Map<string, Buffer>

  beforeAll(async () => {
    tree = writeFormatsTree(root)
    chmodSync(join(root, 'acme/dotenv-export-quotes-comments/.env'), 0o640)
    before = JSON.parse((await cli(['scan', root, '--format', 'json'])).stdout) as ScanDoc
    const dry = await cli(['migrate', root, '--dry-run', '--json'])
    expect(dry.code).toBe(0)
    planDoc = JSON.parse(dry.stdout)
    result = await cli(['migrate', root, '--yes'])
    migrated = readTreeBytes(root)
  }, 120_000)
  afterAll(() => temp.cleanup())

  it('refuses to apply without a terminal and without --yes (exit 2), changing nothing', async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      writeFormatsTree(join(dir, 'c'), {only: /^dotenv\/crlf$/})
      const original = readTreeBytes(join(dir, 'c'))
      const r = await runCli(['migrate', join(dir, 'c')], {home: join(dir, 'h'), env})
      outputs.push(r.stdout, r.stderr)
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('--yes')
      expect(readTreeBytes(join(dir, 'c'))).toEqual(original)
    } finally {
      cleanup()
    }
  })

  it('plans one entry per value per client, and flags the key shared with globex', () => {
    expect(planDoc.files.length).toBeGreaterThan(30)
    const shared = planDoc.entries.filter((e) => e.sharedAcrossClients).map((e) => e.tenant)
    expect(shared).toEqual(['acme', 'globex'])
  })

  it('applies, says what is next, and a scan afterwards finds none of the migrated keys', async () => {
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Migrated \(run \d{8}-\d{6}-[0-9a-f]{4}\): \d+ vault entries created/)
    expect(result.stdout).toContain(`outloop connect ${join(root, 'acme')} --tenant acme`)
    expect(result.stdout).toContain('outloop serve')
    const after = JSON.parse((await cli(['scan', root, '--format', 'json'])).stdout) as ScanDoc
    const moved = new Set(before.findings.filter((f) => planDoc.files.some((p) => p.file === f.file)).map((f) => f.fingerprint))
    expect(after.findings.filter((f) => moved.has(f.fingerprint)).map((f) => f.file)).toEqual([])
  })

  it('keeps every rewritten file parsing in its format, and its mode', () => {
    for (const {file} of planDoc.files) {
      const original = extractValues(file, tree.files.get(file)?.toString('utf8') ?? '')
      const now = extractValues(file, migrated.get(file)?.toString('utf8') ?? '')
      expect(now.format, file).toBe(original.format)
      if (original.error === undefined) expect(now.error, file).toBeUndefined()
      expect(migrated.get(file)?.equals(tree.files.get(file) as Buffer), `${file} was not rewritten`).toBe(false)
    }
    expect(statSync(join(root, 'acme/dotenv-export-quotes-comments/.env')).mode & 0o777).toBe(0o640)
  })

  it('holds each (client, value) once in the vault, every found key among them, and vault get --reveal returns it', async () => {
    const {store} = openSecretStore({home, env: {...process.env, ...env}})
    const entries = (await store.list()).filter((e) => e.ref.tenant !== 'outloop.migrate')
    const values = new Map<string, string[]>()
    for (const info of entries) {
      const stored = await store.get(info.ref)
      const list = values.get(info.ref.tenant) ?? []
      list.push(stored?.value.reveal() ?? '')
      values.set(info.ref.tenant, list)
    }
    for (const list of values.values()) expect(new Set(list).size).toBe(list.length)
    expect([...values.keys()].sort()).toEqual(['acme', 'globex'])
    // Every planted key sits in one of acme's entries (PEM blocks compared without line breaks and escapes).
    const flat = (text: string): string => text.replace(/\\n|\s/g, '')
    const acme = (values.get('acme') ?? []).map(flat)
    expect(tree.keys.filter((key) => !acme.some((v) => v.includes(flat(key)))).length).toBe(0)
    const ref = planDoc.entries.find((e) => e.tenant === 'globex')?.ref as string
    const reveal = await runCli(['vault', 'get', ref, '--reveal', '--force'], {home, env})
    expect(reveal.code).toBe(0)
    expect(tree.files.get('globex/.env')?.toString('utf8')).toContain(`SHARED_KEY=${reveal.stdout.trim()}\n`)
  })

  it('has nothing to do the second time and writes nothing', async () => {
    const again = await cli(['migrate', root, '--yes', '--json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout).run).toBeNull()
    expect(readTreeBytes(root)).toEqual(migrated)
  })

  it('keeps backups and journal free of any planted value, 0600', () => {
    const state = readTreeBytes(join(home, 'migrations'))
    expect([...state.keys()].some((p) => p.endsWith('.bak'))).toBe(true)
    const all = [...state.values()].map((b) => b.toString('latin1'))
    expectNoSecrets(all, tree.keys.flatMap((k) => k.split(/\r?\n/).filter((line) => line.length >= 24)))
    for (const path of state.keys()) if (!path.endsWith('lock')) expect(statSync(join(home, 'migrations', path)).mode & 0o777, path).toBe(0o600)
  })

  it('rolls back byte for byte, keeping mode, and reports a file edited since instead of overwriting it', async () => {
    const edited = 'globex/.env'
    writeFileSync(join(root, edited), '# edited by hand\n')
    const back = await cli(['rollback', '--yes'])
    expect(back.code).toBe(1)
    expect(back.stderr).toContain(`${edited}: edited since the migration wrote it`)
    const restored = readTreeBytes(root)
    for (const [path, bytes] of tree.files) if (path !== edited) expect(restored.get(path)?.equals(bytes), path).toBe(true)
    expect(readFileSync(join(root, edited), 'utf8')).toBe('# edited by hand\n')
    expect(statSync(join(root, 'acme/dotenv-export-quotes-comments/.env')).mode & 0o777).toBe(0o640)
    const twice = await cli(['rollback', '--yes'])
    expect(twice.code === 0 || twice.code === 2).toBe(true)
  })

  it('never prints a planted value', () => {
    expectNoSecrets(outputs, tree.keys.flatMap((k) => k.split(/\r?\n/).filter((line) => line.length >= 24)))
  })
})
