import {spawn} from 'node:child_process'
import {existsSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync, copyFileSync, readdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {loadFingerprintKey} from '../../src/lib/fingerprint.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {FileSecretStore} from '../../src/vault/file-store.js'
import {VaultUnreadableError} from '../../src/vault/types.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT} from '../helpers/tree.js'
import {filesUnder, findClearValues, runCliWithInput, snapshotTree} from './cli.js'

const TEST_SCRYPT = {N: 2 ** 12, r: 8, p: 1}

describe('file vault on disk', () => {
  let home: string
  let cleanup: () => void
  let planted: string[]
  let outputs: string[]
  let passphrase: string

  const fake = (): string => {
    const v = 'sk-proj-' + randomString(ALNUM, 48)
    planted.push(v)
    return v
  }
  const cli = async (args: string[], options: {input?: string; env?: NodeJS.ProcessEnv} = {}) => {
    const result = await runCliWithInput(args, {home, input: options.input, env: {OUTLOOP_PASSPHRASE: passphrase, OUTLOOP_VAULT: '', ...options.env}})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  const entryFiles = (): string[] => filesUnder(join(home, 'vault', 'entries')).map((f) => f.path).filter((p) => p.endsWith('.olv'))

  beforeEach(() => {
    const tmp = makeTempDir('outloop-filevault-')
    home = join(tmp.dir, 'home')
    cleanup = tmp.cleanup
    planted = []
    outputs = []
    passphrase = 'pass ' + randomString(ALNUM, 16)
  })
  afterEach(() => {
    expectNoSecrets(outputs, [...planted, passphrase])
    cleanup()
  })

  it('keeps no stored value, passphrase or name in clear anywhere under OUTLOOP_HOME, and every file 0600', async () => {
    const values = [fake(), fake(), fake()]
    expect((await cli(['vault', 'set', 'outloop://acme/openai-api-key', '--provider', 'OpenAI', '--source', 'acme/.env'], {input: values[0] + '\n'})).code).toBe(0)
    expect((await cli(['vault', 'set', 'globex/stripe-secret'], {input: values[1]})).code).toBe(0)
    expect((await cli(['vault', 'rotate', 'acme/openai-api-key'], {input: values[2]})).code).toBe(0)
    expect((await cli(['vault', 'list'])).code).toBe(0)

    expect(findClearValues(home, [...values, passphrase])).toEqual([])
    const files = filesUnder(home)
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const f of files) {
      expect(f.mode, f.path).toBe(0o600)
      // Tenant and entry names are not readable from the file system either.
      expect(f.path.slice(home.length)).not.toMatch(/acme|globex|openai|stripe/)
    }
    for (const dir of [home, join(home, 'vault'), join(home, 'vault', 'entries')]) expect(statSync(dir).mode & 0o777).toBe(0o700)
    const entryBytes = Buffer.concat(entryFiles().map((p) => readFileSync(p)))
    expect(entryBytes.includes(Buffer.from('acme'))).toBe(false)
    expect(entryBytes.includes(Buffer.from('OpenAI'))).toBe(false)
  })

  it('fails cleanly on a wrong passphrase: exit 2, a clear message, nothing changed', async () => {
    const value = fake()
    expect((await cli(['vault', 'set', 'acme/key'], {input: value})).code).toBe(0)
    const before = snapshotTree(home)
    for (const args of [['vault', 'get', 'acme/key', '--reveal', '--force'], ['vault', 'list'], ['vault', 'rotate', 'acme/key'], ['vault', 'set', 'acme/other']]) {
      const result = await cli(args, {input: fake(), env: {OUTLOOP_PASSPHRASE: passphrase + 'x'}})
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toContain("Can't open the vault: wrong passphrase.")
      expect(result.stderr).toContain('OUTLOOP_PASSPHRASE')
      expect(result.stdout).toBe('')
    }
    expect(snapshotTree(home)).toEqual(before)
    const right = await cli(['vault', 'get', 'acme/key', '--reveal', '--force'])
    expect(right.stdout).toBe(value + '\n')
    outputs.pop()
    outputs.pop()
  })

  it('asks for OUTLOOP_PASSPHRASE when there is neither one nor a terminal', async () => {
    expect((await cli(['vault', 'set', 'acme/key'], {input: fake()})).code).toBe(0)
    const result = await cli(['vault', 'list'], {env: {OUTLOOP_PASSPHRASE: ''}})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Set OUTLOOP_PASSPHRASE')
  })

  it('detects a truncated entry file, changes nothing, and keeps the previous good state to restore', async () => {
    const first = fake()
    const second = fake()
    expect((await cli(['vault', 'set', 'acme/key', '--provider', 'OpenAI'], {input: first})).code).toBe(0)
    expect((await cli(['vault', 'rotate', 'acme/key'], {input: second})).code).toBe(0)
    const [file] = entryFiles()
    truncateSync(file, statSync(file).size - 20)
    const before = snapshotTree(home)

    const read = await cli(['vault', 'get', 'acme/key', '--reveal', '--force'])
    expect(read.code).toBe(2)
    expect(read.stderr).toMatch(/The vault entry outloop:\/\/acme\/key \(.*\) is truncated/)
    expect(read.stderr).toContain(`cp ${file}.prev ${file}`)
    expect(read.stdout).toBe('')
    const write = await cli(['vault', 'rotate', 'acme/key'], {input: fake()})
    expect(write.code).toBe(2)
    expect(write.stderr).toContain('is truncated')
    expect((await cli(['vault', 'list'])).code).toBe(2)
    expect(snapshotTree(home)).toEqual(before)

    // Other entries are untouched by one damaged file.
    const other = fake()
    expect((await cli(['vault', 'set', 'globex/key'], {input: other})).code).toBe(0)
    // Following the hint brings back the state before the last write, once that older value is confirmed:
    // the vault knows version 2 was written, so version 1 back in place is refused until then.
    copyFileSync(`${file}.prev`, file)
    const refused = await cli(['vault', 'get', 'acme/key', '--reveal', '--force'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('was rolled back: it holds version 1, but version 2 was written since')
    const older = await cli(['vault', 'get', 'acme/key', '--version', '1', '--reveal', '--force'])
    expect(older.code).toBe(0)
    expect(older.stdout).toBe(first + '\n')
    outputs.splice(-2)
    expect((await cli(['vault', 'set', 'acme/key', '--replace'], {input: first})).code).toBe(0)
    const restored = await cli(['vault', 'get', 'acme/key', '--reveal', '--force'])
    expect(restored.code).toBe(0)
    expect(restored.stdout).toBe(first + '\n')
    outputs.splice(-2)
    const history = await cli(['vault', 'history', 'acme/key'])
    expect(history.code).toBe(0)
    // The lost version 2 keeps its number: the confirmed value is version 3, above every version written.
    expect(history.stdout).toContain('2 versions kept')
  })

  it('refuses an entry whose .prev was copied over it after a rotation (the old key back, its history shorter)', async () => {
    const oldKey = fake()
    const newKey = fake()
    expect((await cli(['vault', 'set', 'acme/key', '--provider', 'OpenAI'], {input: oldKey})).code).toBe(0)
    expect((await cli(['vault', 'set', 'acme/other'], {input: fake()})).code).toBe(0)
    expect((await cli(['vault', 'rotate', 'acme/key'], {input: newKey})).code).toBe(0)
    // The rotated entry is the one with a .prev; copy it over, as a person or a sync tool might.
    const rotated = entryFiles().filter((f) => existsSync(`${f}.prev`))
    expect(rotated).toHaveLength(1)
    copyFileSync(`${rotated[0]}.prev`, rotated[0])
    const before = snapshotTree(home)

    for (const args of [['vault', 'get', 'acme/key', '--reveal', '--force'], ['vault', 'get', 'acme/key'], ['vault', 'history', 'acme/key'], ['vault', 'list'], ['vault', 'rotate', 'acme/key']]) {
      const result = await cli(args, {input: fake()})
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toContain('The vault entry outloop://acme/key')
      expect(result.stderr).toContain('was rolled back: it holds version 1, but version 2 was written since')
      expect(result.stderr).toContain('outloop vault set outloop://acme/key --replace')
      expect(result.stdout, args.join(' ')).not.toContain(oldKey)
    }
    expect(snapshotTree(home)).toEqual(before)
    // Another entry reads as before.
    expect((await cli(['vault', 'get', 'acme/other'])).code).toBe(0)

    // Deleting the index as well does not make the old copy pass: the entries say they were written with one.
    unlinkSync(join(dirname(rotated[0]), 'versions.idx'))
    const noIndex = await cli(['vault', 'get', 'acme/key', '--reveal', '--force'])
    expect(noIndex.code).toBe(2)
    expect(noIndex.stderr).toContain('version index')
    expect(noIndex.stderr).toContain('is missing')
    // A write to that tenant would start its index afresh: refused too; another tenant's index is its own.
    const write = await cli(['vault', 'set', 'acme/third'], {input: fake()})
    expect(write.code).toBe(2)
    expect(write.stderr).toContain('is missing')
    expect((await cli(['vault', 'set', 'globex/key'], {input: fake()})).code).toBe(0)
  })

  it('detects a corrupted entry, a file from a newer version, and a damaged key file', async () => {
    expect((await cli(['vault', 'set', 'acme/key'], {input: fake()})).code).toBe(0)
    const [file] = entryFiles()
    const good = readFileSync(file)

    const flipped = Buffer.from(good)
    flipped[flipped.length - 5] ^= 0x01
    writeFileSync(file, flipped)
    let result = await cli(['vault', 'get', 'acme/key'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('is corrupted: it does not decrypt')

    const newer = Buffer.from(good)
    newer[4] = 3
    writeFileSync(file, newer)
    result = await cli(['vault', 'get', 'acme/key'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('was written by a newer outloop (format 3)')
    expect(result.stderr).toContain('Upgrade outloop')

    writeFileSync(file, good)
    const keyFile = join(home, 'vault', 'key.json')
    const key = readFileSync(keyFile, 'utf8')
    writeFileSync(keyFile, key.replace('outloop.vault-key/v1', 'outloop.vault-key/v2'))
    result = await cli(['vault', 'list'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('was written by a newer outloop (outloop.vault-key/v2)')

    writeFileSync(keyFile, key.slice(0, key.length / 2))
    const before = snapshotTree(home)
    result = await cli(['vault', 'set', 'acme/new'], {input: fake()})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('is damaged (truncated or corrupted)')
    expect(snapshotTree(home)).toEqual(before)

    writeFileSync(keyFile, key)
    expect((await cli(['vault', 'get', 'acme/key'])).code).toBe(0)
  })

  it('lands every write of two concurrent processes', async () => {
    const writer = join(home, '..', 'writer.mjs')
    writeFileSync(
      writer,
      `import {FileSecretStore} from ${JSON.stringify(join(REPO_ROOT, 'dist/vault/file-store.js'))}
import {SecretValue} from ${JSON.stringify(join(REPO_ROOT, 'dist/lib/secret-value.js'))}
import {randomBytes} from 'node:crypto'
const [dir, who, count] = process.argv.slice(2)
const store = new FileSecretStore({dir, fingerprintKey: Buffer.alloc(32, 7), masterKey: 'passphrase', maxVersions: 1000,
  passphrase: {given: new SecretValue(process.env.OUTLOOP_PASSPHRASE), ask: () => Promise.reject(new Error('no prompt'))}, scrypt: {N: 4096, r: 8, p: 1}})
for (let i = 0; i < Number(count); i++) {
  await store.put({tenant: 'acme', name: 'shared'}, {value: new SecretValue(randomBytes(24).toString('base64url'))})
  await store.put({tenant: who, name: 'own-' + i}, {value: new SecretValue(randomBytes(24).toString('base64url'))})
}
`,
    )
    const dir = join(home, 'vault')
    const run = (who: string): Promise<{code: number | null; stderr: string}> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [writer, dir, who, '25'], {env: {...process.env, OUTLOOP_PASSPHRASE: passphrase}, stdio: ['ignore', 'ignore', 'pipe']})
        let stderr = ''
        child.stderr.on('data', (d) => (stderr += d))
        child.on('close', (code) => resolve({code, stderr}))
      })
    const results = await Promise.all([run('one'), run('two')])
    for (const r of results) expect(r.code, r.stderr).toBe(0)

    const store = new FileSecretStore({dir, fingerprintKey: Buffer.alloc(32, 7), masterKey: 'passphrase', passphrase: {given: new SecretValue(passphrase), ask: () => Promise.reject(new Error('no'))}})
    const shared = await store.info({tenant: 'acme', name: 'shared'})
    expect(shared?.version).toBe(50)
    expect(new Set((await store.history({tenant: 'acme', name: 'shared'})).map((v) => v.fingerprint)).size).toBe(50)
    expect((await store.list({tenant: 'one'})).length).toBe(25)
    expect((await store.list({tenant: 'two'})).length).toBe(25)
    expect(existsSync(join(dir, '.lock'))).toBe(false)
    expect(readdirSync(join(dir, 'entries'), {recursive: true}).filter((n) => String(n).endsWith('.tmp'))).toEqual([])
  })

  it('lands two concurrent `vault set` commands, and creates one vault between them', async () => {
    const a = fake()
    const b = fake()
    const [ra, rb] = await Promise.all([cli(['vault', 'set', 'acme/a'], {input: a}), cli(['vault', 'set', 'acme/b'], {input: b})])
    expect(ra.code, ra.stderr).toBe(0)
    expect(rb.code, rb.stderr).toBe(0)
    const ga = await cli(['vault', 'get', 'acme/a', '--reveal', '--force'])
    const gb = await cli(['vault', 'get', 'acme/b', '--reveal', '--force'])
    expect([ga.stdout, gb.stdout]).toEqual([a + '\n', b + '\n'])
    outputs.splice(-4)
  })

  it('breaks a lock left by a process that died, and ignores temp files a crash left behind', async () => {
    const fingerprintKey = loadFingerprintKey(home).key
    const store = new FileSecretStore({dir: join(home, 'vault'), fingerprintKey, masterKey: 'passphrase', passphrase: {given: new SecretValue(passphrase), ask: () => Promise.reject(new Error('no'))}, scrypt: TEST_SCRYPT, lockTimeoutMs: 3000})
    const value = fake()
    await store.put({tenant: 'acme', name: 'k'}, {value: new SecretValue(value)})
    writeFileSync(join(home, 'vault', '.lock'), JSON.stringify({pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), token: 'x'}))
    const [file] = entryFiles()
    writeFileSync(`${file}.999.abcd.tmp`, readFileSync(file).subarray(0, 10))
    await store.put({tenant: 'acme', name: 'k'}, {value: new SecretValue(fake())})
    expect((await store.info({tenant: 'acme', name: 'k'}))?.version).toBe(2)
    expect((await store.getVersion({tenant: 'acme', name: 'k'}, 1))?.value.reveal()).toBe(value)
    expect((await store.list()).length).toBe(1)
  })

  it('refuses an entry file moved over another entry (names are bound into the encryption)', async () => {
    const fingerprintKey = loadFingerprintKey(home).key
    const store = new FileSecretStore({dir: join(home, 'vault'), fingerprintKey, masterKey: 'passphrase', passphrase: {given: new SecretValue(passphrase), ask: () => Promise.reject(new Error('no'))}, scrypt: TEST_SCRYPT})
    await store.put({tenant: 'acme', name: 'a'}, {value: new SecretValue(fake())})
    await store.put({tenant: 'acme', name: 'b'}, {value: new SecretValue(fake())})
    const [one, two] = entryFiles()
    copyFileSync(one, two)
    const error = await store.list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VaultUnreadableError)
    expect(String((error as Error).message)).toContain('does not decrypt')
  })
})
