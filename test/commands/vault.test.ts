import {randomBytes} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'
import {keychainTestsEnabled} from '../vault/keychain-env.js'
import {startKv2TestServer, type Kv2TestServer} from '../vault/kv2-server.js'

describe('outloop init and vault commands', () => {
  let home: string
  let cleanup: () => void
  let planted: string[]
  let outputs: string[]
  let env: NodeJS.ProcessEnv

  const fake = (): string => {
    const v = 'sk-ant-api03-' + randomString(ALNUM, 60)
    planted.push(v)
    return v
  }
  const cli = async (args: string[], options: {input?: string; env?: NodeJS.ProcessEnv} = {}) => {
    const result = await runCliWithInput(args, {home, input: options.input, env: {...env, ...options.env}})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  /** Runs a command whose stdout is expected to carry a value (get --reveal --force); only stderr is checked for leaks. */
  const reveal = async (ref: string, extra: string[] = []) => {
    const result = await runCliWithInput(['vault', 'get', ref, '--reveal', '--force', ...extra], {home, env})
    outputs.push(result.stderr)
    return result
  }

  beforeEach(() => {
    const tmp = makeTempDir('outloop-vaultcli-')
    home = join(tmp.dir, 'home')
    cleanup = tmp.cleanup
    planted = []
    outputs = []
    env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
  })
  afterEach(() => {
    expectNoSecrets(outputs, [...planted, env.OUTLOOP_PASSPHRASE!])
    cleanup()
  })

  it('init creates the file vault, remembers the choice, and is safe to run again', async () => {
    const first = await cli(['init'])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('Created the file vault at')
    expect(first.stdout).toContain('master key comes from your passphrase')
    const config = JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8'))
    expect(config).toMatchObject({schema: 'outloop.vault-config/v1', backend: 'file'})
    expect(JSON.stringify(config)).not.toContain(env.OUTLOOP_PASSPHRASE)
    const again = await cli(['init', '--master-key', 'keychain'])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('Opened the file vault')
    expect(again.stdout).toContain('--master-key applies to new vaults only')
  })

  it('sets from stdin, shows metadata without the value, and reveals only with --force off a terminal', async () => {
    const value = fake()
    const set = await cli(['vault', 'set', 'outloop://acme/anthropic-key', '--provider', 'Anthropic', '--source', 'acme/.env', '--source', 'acme/notes.md'], {input: value + '\n'})
    expect(set.code, set.stderr).toBe(0)
    expect(set.stderr).toMatch(/^Stored outloop:\/\/acme\/anthropic-key \(version 1, fingerprint [0-9a-f]{12}\) in the file vault at /)

    const get = await cli(['vault', 'get', 'acme/anthropic-key'])
    expect(get.code).toBe(0)
    expect(get.stdout).toContain('outloop://acme/anthropic-key')
    expect(get.stdout).toContain('provider     Anthropic')
    expect(get.stdout).toContain('sources      2 occurrences in acme/.env, acme/notes.md')

    const json = JSON.parse((await cli(['vault', 'get', 'acme/anthropic-key', '--json'])).stdout)
    expect(json).toMatchObject({schema: 'outloop.vault-entry-info/v1', ref: 'outloop://acme/anthropic-key', tenant: 'acme', name: 'anthropic-key', provider: 'Anthropic', version: 1, versions: 1})

    const refused = await cli(['vault', 'get', 'acme/anthropic-key', '--reveal'])
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('stdout is not a terminal')
    expect(refused.stderr).toContain('--force')

    const shown = await reveal('acme/anthropic-key')
    expect(shown.code).toBe(0)
    expect(shown.stdout).toBe(value + '\n')
  })

  it('never takes a value from the command line, and refuses empty values and bad references', async () => {
    const value = fake()
    const argv = await cli(['vault', 'set', 'acme/key', value])
    expect(argv.code).toBe(2)
    expect(argv.stderr).toContain('Values are never taken from the command line')
    const rotateArgv = await cli(['vault', 'rotate', 'acme/key', value])
    expect(rotateArgv.code).toBe(2)
    expect(rotateArgv.stderr).toContain('nothing was written')
    const empty = await cli(['vault', 'set', 'acme/key'], {input: ''})
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('The value is empty')
    for (const bad of ['acme', 'outloop://Acme/key', 'acme/../etc', 'outloop://acme/', '-acme/key']) {
      const result = await cli(['vault', 'get', bad])
      expect(result.code, bad).toBe(2)
    }
    const result = await cli(['vault', 'get', 'ACME/Key'])
    expect(result.stderr).toContain('is not a vault reference')
    expect(result.stderr).toContain('outloop://<tenant>/<name>')
    expect((await cli(['vault', 'get', 'acme/missing'])).stderr).toContain('There is no entry outloop://acme/missing')
  })

  it('set leaves an existing entry alone; rotate keeps the old value, refuses the same one, and can be undone', async () => {
    const first = fake()
    const second = fake()
    expect((await cli(['vault', 'set', 'acme/key', '--provider', 'OpenAI'], {input: first})).code).toBe(0)
    const again = await cli(['vault', 'set', 'acme/key'], {input: second})
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('already exists: nothing was written')
    expect(again.stderr).toContain('outloop vault rotate outloop://acme/key')

    const same = await cli(['vault', 'rotate', 'acme/key'], {input: first})
    expect(same.code).toBe(2)
    expect(same.stderr).toContain('is the same as the current one')

    const rotated = await cli(['vault', 'rotate', 'acme/key'], {input: second})
    expect(rotated.code, rotated.stderr).toBe(0)
    expect(rotated.stderr).toContain('Rotated outloop://acme/key: version 2')
    expect((await reveal('acme/key')).stdout).toBe(second + '\n')
    expect((await reveal('acme/key', ['--version', '1'])).stdout).toBe(first + '\n')

    const history = await cli(['vault', 'history', 'acme/key'])
    expect(history.stdout).toMatch(/2 versions kept\n {2}v2 .*\(current\)\n {2}v1 /)
    const undo = await cli(['vault', 'rotate', 'acme/key', '--undo'])
    expect(undo.stderr).toContain('back to the value of version 1, now version 3')
    expect((await reveal('acme/key')).stdout).toBe(first + '\n')
    const json = JSON.parse((await cli(['vault', 'history', 'acme/key', '--json'])).stdout)
    expect(json.versions.map((v: {version: number}) => v.version)).toEqual([3, 2, 1])
    expect(json.versions[0].fingerprint).toBe(json.versions[2].fingerprint)
    expect(json.versions[0].provider).toBe('OpenAI')
  })

  it('lists by tenant as text and JSON, and removes only with --yes off a terminal', async () => {
    for (const ref of ['acme/openai', 'acme/stripe', 'globex/openai']) expect((await cli(['vault', 'set', ref, '--provider', 'P'], {input: fake()})).code).toBe(0)
    const text = await cli(['vault', 'list'])
    expect(text.stdout).toMatch(/^REF +PROVIDER +VERSION +UPDATED +FINGERPRINT\n/)
    expect(text.stdout).toContain('3 entries for 2 tenants')
    const json = JSON.parse((await cli(['vault', 'list', '--tenant', 'acme', '--json'])).stdout)
    expect(json.schema).toBe('outloop.vault-list/v1')
    expect(json.backend).toBe('file')
    expect(json.entries.map((e: {ref: string}) => e.ref)).toEqual(['outloop://acme/openai', 'outloop://acme/stripe'])

    const noYes = await cli(['vault', 'rm', 'acme/openai'])
    expect(noYes.code).toBe(2)
    expect(noYes.stderr).toContain('--yes')
    const rm = await cli(['vault', 'rm', 'acme/openai', '--yes'])
    expect(rm.code).toBe(0)
    expect(rm.stderr).toContain('Deleted outloop://acme/openai and 1 version')
    expect((await cli(['vault', 'rm', 'acme/openai', '--yes'])).code).toBe(2)
    expect(JSON.parse((await cli(['vault', 'list', '--json'])).stdout).entries).toHaveLength(2)
    expect((await cli(['vault', 'list', '--tenant', 'Bad Name'])).code).toBe(2)
  })

  it('picks the backend by flag, then OUTLOOP_VAULT, then init; an unknown one is a usage error', async () => {
    const bad = await cli(['vault', 'list'], {env: {OUTLOOP_VAULT: 'cloud'}})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Unknown vault backend "cloud" (from OUTLOOP_VAULT)')
    const flag = await cli(['vault', 'list', '--vault', 'nope'])
    expect(flag.code).toBe(2)
    const noAddr = await cli(['vault', 'list'], {env: {OUTLOOP_VAULT: 'hashicorp', VAULT_ADDR: ''}})
    expect(noAddr.code).toBe(2)
    expect(noAddr.stderr).toContain('VAULT_ADDR is not set')
    const noBus = await cli(['vault', 'list', '--vault', 'keychain'], {env: {DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/outloop-test-bus'}})
    expect(noBus.code).toBe(2)
    expect(noBus.stderr).toContain('No Secret Service is running')
    expect(noBus.stderr).toContain('--vault file')
  })

  describe('with HashiCorp Vault (the KV v2 stand-in)', () => {
    let server: Kv2TestServer
    beforeEach(async () => {
      server = await startKv2TestServer({token: 'hvs.' + randomString(ALNUM, 24)})
      planted.push(server.token)
      env = {...env, VAULT_ADDR: server.address, VAULT_TOKEN: server.token}
    })
    afterEach(() => server.close())

    it('init checks access and remembers it; set, get, rotate, list and rm go through KV v2', async () => {
      const init = await cli(['init', '--vault', 'hashicorp', '--vault-mount', 'secret', '--vault-prefix', 'agency'])
      expect(init.code, init.stderr).toBe(0)
      expect(init.stdout).toContain(`Checked Vault at ${server.address} (secret/agency/): it works.`)
      expect(JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8'))).toMatchObject({backend: 'hashicorp', hashicorp: {mount: 'secret', prefix: 'agency'}})
      const value = fake()
      expect((await cli(['vault', 'set', 'acme/openai', '--provider', 'OpenAI'], {input: value})).code).toBe(0)
      expect(server.requests.some((r) => r.method === 'POST' && r.path === '/v1/secret/data/agency/acme/openai' && JSON.parse(r.body).options.cas === 0)).toBe(true)
      expect((await reveal('acme/openai')).stdout).toBe(value + '\n')
      expect((await cli(['vault', 'rotate', 'acme/openai'], {input: fake()})).code).toBe(0)
      const list = JSON.parse((await cli(['vault', 'list', '--json'])).stdout)
      expect(list).toMatchObject({backend: 'hashicorp', entries: [{ref: 'outloop://acme/openai', provider: 'OpenAI', version: 2, versions: 2}]})
      expect((await cli(['vault', 'rm', 'acme/openai', '--yes'])).code).toBe(0)
      expect(JSON.parse((await cli(['vault', 'list', '--json'])).stdout).entries).toEqual([])
      // The file vault was never touched.
      expect((await cli(['vault', 'list', '--vault', 'file'])).stdout).toContain('No entries')
    })

    it('explains a bad token (403), a missing mount (404), a sealed server (503) and a refused connection', async () => {
      const wrong = await cli(['vault', 'list', '--vault', 'hashicorp'], {env: {VAULT_TOKEN: 'hvs.' + randomString(ALNUM, 24)}})
      expect(wrong.code).toBe(2)
      expect(wrong.stderr).toContain('Vault refused to list (403 permission denied)')
      expect(wrong.stderr).toContain('Check VAULT_TOKEN')
      const mount = await cli(['vault', 'get', 'acme/x', '--vault', 'hashicorp'], {env: {OUTLOOP_VAULT_MOUNT: 'kv'}})
      expect(mount.code).toBe(2)
      expect(mount.stderr).toContain('Vault has no KV version 2 mount at kv/')
      expect(mount.stderr).toContain('vault secrets enable -path=kv kv-v2')
      server.sealed = true
      const sealed = await cli(['vault', 'set', 'acme/x', '--vault', 'hashicorp'], {input: fake()})
      expect(sealed.code).toBe(2)
      expect(sealed.stderr).toContain('Vault is sealed')
      expect(sealed.stderr).toContain('operator unseal')
      server.sealed = false
      const closed = await startKv2TestServer({token: 'x'})
      const address = closed.address
      await closed.close()
      const refused = await cli(['vault', 'list', '--vault', 'hashicorp'], {env: {VAULT_ADDR: address}})
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain(`Can't reach Vault at ${address}: connection refused`)
      for (const r of server.requests) expect(r.path).not.toContain(server.token)
    })
  })

  describe('with the OS keychain', async () => {
    const run = await keychainTestsEnabled('keychain commands')
    const test = run ? it : it.skip
    test('init checks the keychain; set, get, list and rm keep each entry as a keychain item', async () => {
      const service = `outloop-clitest-${randomBytes(4).toString('hex')}`
      env = {...env, OUTLOOP_KEYCHAIN_SERVICE: service}
      const init = await cli(['init', '--vault', 'keychain'])
      expect(init.code, init.stderr).toBe(0)
      const value = fake()
      expect((await cli(['vault', 'set', 'acme/openai', '--provider', 'OpenAI'], {input: value})).code).toBe(0)
      expect((await reveal('acme/openai')).stdout).toBe(value + '\n')
      const list = JSON.parse((await cli(['vault', 'list', '--json'])).stdout)
      expect(list).toMatchObject({backend: 'keychain', entries: [{ref: 'outloop://acme/openai', provider: 'OpenAI'}]})
      expect((await cli(['vault', 'rm', 'acme/openai', '--yes'])).code).toBe(0)
      expect(JSON.parse((await cli(['vault', 'list', '--json'])).stdout).entries).toEqual([])
    })
  })
})
