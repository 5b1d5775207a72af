import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {fingerprintSecret, loadFingerprintKey} from '../../src/lib/fingerprint.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {FileSecretStore} from '../../src/vault/file-store.js'
import {HashicorpSecretStore} from '../../src/vault/hashicorp-store.js'
import {KeychainSecretStore} from '../../src/vault/keychain-store.js'
import type {SecretRef} from '../../src/vault/ref.js'
import {VaultConflictError, type SecretStore} from '../../src/vault/types.js'
import {makeTempDir} from '../helpers/tree.js'
import {keychainTestsEnabled} from './keychain-env.js'
import {startKv2TestServer, type Kv2TestServer} from './kv2-server.js'

/** Fast scrypt for tests that are about the store, not the passphrase's strength. */
const TEST_SCRYPT = {N: 2 ** 12, r: 8, p: 1}

interface Harness {
  readonly store: SecretStore
  readonly fingerprintKey: Buffer
  /** Tenants unique to this run, so a shared keychain or Vault server never mixes runs. */
  readonly tenant: (name: string) => string
  cleanup(): Promise<void>
}

const fakeValue = (): string => 'sk-test-' + randomString(ALNUM, 40)

/**
 * The one contract every SecretStore meets. Each backend below runs exactly these tests: the file vault, the
 * OS keychain, and HashiCorp Vault / OpenBao KV v2 (the loopback stand-in, and a real server when VAULT_ADDR
 * is set).
 */
function describeSecretStoreContract(name: string, enabled: () => Promise<boolean> | boolean, open: () => Promise<Harness>): void {
  describe(`SecretStore contract: ${name}`, async () => {
    const run = await enabled()
    const test = run ? it : it.skip
    let h: Harness
    let store: SecretStore
    let ref: (tenant: string, n: string) => SecretRef
    beforeAll(async () => {
      if (!run) return
      h = await open()
      store = h.store
      ref = (tenant, n) => ({tenant: h.tenant(tenant), name: n})
    })
    afterAll(async () => {
      if (run) await h?.cleanup()
    })

    test('knows nothing about an entry that was never written', async () => {
      const r = ref('empty', 'nothing-here')
      expect(await store.get(r)).toBeNull()
      expect(await store.info(r)).toBeNull()
      expect(await store.getVersion(r, 1)).toBeNull()
      expect(await store.history(r)).toEqual([])
      expect(await store.list({tenant: r.tenant})).toEqual([])
      expect(await store.remove(r)).toBe(false)
    })

    test('stores a value with its metadata and reads it back exactly', async () => {
      const r = ref('acme', 'openai-api-key')
      const value = fakeValue()
      const info = await store.put(r, {value: new SecretValue(value), provider: 'OpenAI', sources: {files: ['acme/.env', 'acme/skills/x/SKILL.md'], count: 3}})
      expect(info).toMatchObject({ref: r, provider: 'OpenAI', version: 1, versions: 1, sources: {files: ['acme/.env', 'acme/skills/x/SKILL.md'], count: 3}})
      expect(info.fingerprint).toBe(fingerprintSecret(h.fingerprintKey, new SecretValue(value)))
      expect(JSON.stringify(info)).not.toContain(value)
      const got = await store.get(r)
      expect(got?.value.reveal()).toBe(value)
      expect(got?.version).toBe(1)
      expect(got?.info).toMatchObject({ref: r, provider: 'OpenAI', version: 1, fingerprint: info.fingerprint})
      expect(JSON.stringify(got)).not.toContain(value)
      const meta = await store.info(r)
      expect(meta).toMatchObject({provider: 'OpenAI', version: 1, versions: 1, fingerprint: info.fingerprint, sources: {count: 3}})
      expect(Date.parse(meta!.createdAt)).not.toBeNaN()
      expect(meta!.updatedAt).toBe(meta!.createdAt)
    })

    test('keeps the previous version on every write, so a rotation can be undone', async () => {
      const r = ref('acme', 'stripe-key')
      const first = fakeValue()
      const second = fakeValue()
      await store.put(r, {value: new SecretValue(first), provider: 'Stripe', sources: {files: ['acme/.env'], count: 1}})
      const created = (await store.info(r))!.createdAt
      const info = await store.put(r, {value: new SecretValue(second)})
      expect(info).toMatchObject({version: 2, versions: 2, provider: 'Stripe', sources: {files: ['acme/.env'], count: 1}})
      expect((await store.get(r))?.value.reveal()).toBe(second)
      expect((await store.getVersion(r, 1))?.value.reveal()).toBe(first)
      expect((await store.getVersion(r, 2))?.value.reveal()).toBe(second)
      expect((await store.getVersion(r, 3))).toBeNull()
      const history = await store.history(r)
      expect(history.map((v) => v.version)).toEqual([2, 1])
      expect(history[1].fingerprint).toBe(fingerprintSecret(h.fingerprintKey, new SecretValue(first)))
      expect(history[0].fingerprint).toBe(fingerprintSecret(h.fingerprintKey, new SecretValue(second)))
      expect(JSON.stringify(history)).not.toContain(first)
      const after = (await store.info(r))!
      expect(after.createdAt).toBe(created)
      expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created))
    })

    test('refuses a check-and-set write against a stale version and writes nothing', async () => {
      const r = ref('globex', 'cas-key')
      const first = fakeValue()
      await store.put(r, {value: new SecretValue(first), expectedVersion: 0})
      const late = fakeValue()
      const refused = await store.put(r, {value: new SecretValue(late), expectedVersion: 0}).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(VaultConflictError)
      expect(String((refused as Error).message)).not.toContain(late)
      await expect(store.put(r, {value: new SecretValue(late), expectedVersion: 2})).rejects.toBeInstanceOf(VaultConflictError)
      expect((await store.get(r))?.value.reveal()).toBe(first)
      expect((await store.info(r))?.version).toBe(1)
      const next = fakeValue()
      expect((await store.put(r, {value: new SecretValue(next), expectedVersion: 1})).version).toBe(2)
      expect((await store.get(r))?.value.reveal()).toBe(next)
    })

    test('lists entries sorted by tenant and name, and by one tenant', async () => {
      const t1 = ref('list-b', 'x').tenant
      const t2 = ref('list-a', 'x').tenant
      for (const [tenant, n] of [[t1, 'zeta.key'], [t1, 'alpha_key'], [t2, 'mid-key'], [t1, '0-first']]) {
        await store.put({tenant, name: n}, {value: new SecretValue(fakeValue()), provider: 'Generic'})
      }
      const all = (await store.list()).filter((i) => i.ref.tenant === t1 || i.ref.tenant === t2)
      expect(all.map((i) => `${i.ref.tenant}/${i.ref.name}`)).toEqual([`${t2}/mid-key`, `${t1}/0-first`, `${t1}/alpha_key`, `${t1}/zeta.key`])
      const one = await store.list({tenant: t1})
      expect(one.map((i) => i.ref.name)).toEqual(['0-first', 'alpha_key', 'zeta.key'])
      expect(one.every((i) => i.provider === 'Generic' && i.version === 1 && i.fingerprint.length > 0)).toBe(true)
    })

    test('keeps tenants apart: one name, two tenants, two entries', async () => {
      const a = ref('iso-a', 'shared-name')
      const b = ref('iso-b', 'shared-name')
      const va = fakeValue()
      const vb = fakeValue()
      await store.put(a, {value: new SecretValue(va)})
      await store.put(b, {value: new SecretValue(vb)})
      expect((await store.get(a))?.value.reveal()).toBe(va)
      expect((await store.get(b))?.value.reveal()).toBe(vb)
      expect(await store.remove(a)).toBe(true)
      expect(await store.get(a)).toBeNull()
      expect((await store.get(b))?.value.reveal()).toBe(vb)
    })

    test('removes an entry with all its versions; writing it again starts over', async () => {
      const r = ref('rm', 'gone-key')
      await store.put(r, {value: new SecretValue(fakeValue())})
      await store.put(r, {value: new SecretValue(fakeValue())})
      expect(await store.remove(r)).toBe(true)
      expect(await store.get(r)).toBeNull()
      expect(await store.history(r)).toEqual([])
      expect(await store.list({tenant: r.tenant})).toEqual([])
      expect(await store.remove(r)).toBe(false)
      const again = await store.put(r, {value: new SecretValue(fakeValue()), expectedVersion: 0})
      expect(again.version).toBe(1)
    })

    test('round-trips any text exactly: unicode, newlines, quotes, 4 KB', async () => {
      const values = ['pässwörd-ключ-鍵-🔑-' + randomString(ALNUM, 8), `line1\nline2\r\n"quoted" 'single' \\ back`, randomString(ALNUM, 4096), ' padded ']
      for (const [i, value] of values.entries()) {
        const r = ref('text', `value-${i}`)
        await store.put(r, {value: new SecretValue(value)})
        expect((await store.get(r))?.value.reveal()).toBe(value)
      }
    })

    test('keeps a bounded number of versions, dropping the oldest', async () => {
      const r = ref('bounded', 'many-versions')
      const values = Array.from({length: 12}, fakeValue)
      for (const value of values) await store.put(r, {value: new SecretValue(value)})
      const info = (await store.info(r))!
      expect(info.version).toBe(12)
      expect(info.versions).toBe(10)
      expect(await store.getVersion(r, 1)).toBeNull()
      expect((await store.getVersion(r, 3))?.value.reveal()).toBe(values[2])
      expect((await store.history(r)).map((v) => v.version)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3])
    })

    test('lands every one of several concurrent writes to one entry', async () => {
      const r = ref('race', 'same-entry')
      const values = Array.from({length: 3}, fakeValue)
      await Promise.all(values.map((value) => store.put(r, {value: new SecretValue(value)})))
      expect((await store.info(r))?.version).toBe(3)
      const kept = new Set((await store.history(r)).map((v) => v.fingerprint))
      for (const value of values) expect(kept.has(fingerprintSecret(h.fingerprintKey, new SecretValue(value)))).toBe(true)
    })
  })
}

const runId = randomBytes(4).toString('hex')

function withHome(): {home: string; fingerprintKey: Buffer; cleanup: () => void} {
  const {dir, cleanup} = makeTempDir('outloop-vault-')
  return {home: dir, fingerprintKey: loadFingerprintKey(dir).key, cleanup}
}

describeSecretStoreContract('file (passphrase)', () => true, async () => {
  const {home, fingerprintKey, cleanup} = withHome()
  const store = new FileSecretStore({
    dir: join(home, 'vault'),
    fingerprintKey,
    masterKey: 'passphrase',
    passphrase: {given: new SecretValue('correct horse ' + randomString(ALNUM, 12)), ask: () => Promise.reject(new Error('no prompt in tests'))},
    scrypt: TEST_SCRYPT,
  })
  return {store, fingerprintKey, tenant: (t) => t, cleanup: async () => cleanup()}
})

describeSecretStoreContract('file (master key in the OS keychain)', () => keychainTestsEnabled('file vault with keychain master key'), async () => {
  const {home, fingerprintKey, cleanup} = withHome()
  const service = `outloop-test-${runId}`
  const store = new FileSecretStore({dir: join(home, 'vault'), fingerprintKey, masterKey: 'keychain', keychainService: service, passphrase: {given: null, ask: () => Promise.reject(new Error('no prompt'))}})
  const created = await store.initialize()
  expect(created.masterKey).toBe('keychain')
  return {
    store,
    fingerprintKey,
    tenant: (t) => t,
    cleanup: async () => {
      const {listKeychainItems, deleteKeychainItem} = await import('../../src/vault/keychain.js')
      for (const item of await listKeychainItems(service)) await deleteKeychainItem(service, item.account)
      cleanup()
    },
  }
})

describeSecretStoreContract('keychain', () => keychainTestsEnabled('keychain backend'), async () => {
  const {home, fingerprintKey, cleanup} = withHome()
  const service = `outloop-test-${runId}-kc`
  const store = new KeychainSecretStore({home, fingerprintKey, service})
  return {
    store,
    fingerprintKey,
    tenant: (t) => t,
    cleanup: async () => {
      for (const info of await store.list()) await store.remove(info.ref)
      cleanup()
    },
  }
})

describeSecretStoreContract('hashicorp (KV v2 stand-in on loopback)', () => true, async () => {
  const {home, fingerprintKey, cleanup} = withHome()
  const server: Kv2TestServer = await startKv2TestServer({token: 'test-token-' + randomString(ALNUM, 12)})
  const store = new HashicorpSecretStore({address: server.address, token: new SecretValue(server.token), mount: 'secret', prefix: 'outloop', fingerprintKey})
  return {
    store,
    fingerprintKey,
    tenant: (t) => t,
    cleanup: async () => {
      await server.close()
      cleanup()
    },
  }
})

describeSecretStoreContract('hashicorp (KV v2 stand-in, one namespace per tenant)', () => true, async () => {
  const {home, fingerprintKey, cleanup} = withHome()
  const server: Kv2TestServer = await startKv2TestServer({token: 'test-token-' + randomString(ALNUM, 12)})
  const store = new HashicorpSecretStore({address: server.address, token: new SecretValue(server.token), namespace: 'agency', tenantLayout: 'namespace', prefix: '', fingerprintKey})
  return {
    store,
    fingerprintKey,
    tenant: (t) => t,
    cleanup: async () => {
      expect(server.requests.some((r) => r.namespace.startsWith('agency/'))).toBe(true)
      await server.close()
      cleanup()
    },
  }
})

describeSecretStoreContract(
  `hashicorp (real server at VAULT_ADDR${process.env.VAULT_ADDR ? '' : ': not set, skipped'})`,
  () => Boolean(process.env.VAULT_ADDR && process.env.VAULT_TOKEN),
  async () => {
    const {home, fingerprintKey, cleanup} = withHome()
    const prefix = `outloop-contract-${runId}`
    const store = new HashicorpSecretStore({
      address: process.env.VAULT_ADDR!,
      token: new SecretValue(process.env.VAULT_TOKEN!),
      namespace: process.env.VAULT_NAMESPACE || undefined,
      mount: process.env.OUTLOOP_VAULT_MOUNT || 'secret',
      prefix,
      caFile: process.env.VAULT_CACERT || undefined,
      fingerprintKey,
    })
    return {
      store,
      fingerprintKey,
      tenant: (t) => t,
      cleanup: async () => {
        for (const info of await store.list()) await store.remove(info.ref)
        cleanup()
      },
    }
  },
)
