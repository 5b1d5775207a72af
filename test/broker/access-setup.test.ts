import {mkdirSync, readFileSync, realpathSync, statSync, writeFileSync} from 'node:fs'
import {createServer, type AddressInfo, type Server} from 'node:net'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {connectWorkspace, readWorkspaceBindings} from '../../src/broker/bindings.js'
import {brokerPaths} from '../../src/broker/files.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {setUpAccessLayer, startAccessLayerBroker, type AccessLayerBroker} from '../../src/services/access-setup.js'
import {findRunningBroker} from '../../src/services/serve.js'
import {makeTempDir} from '../helpers/tree.js'
import {callBroker} from './harness.js'

const ENTRIES = [
  {tenant: 'acme', name: 'openai-api-key', provider: 'OpenAI', ruleId: 'openai-api-key'},
  {tenant: 'acme', name: 'crm-key', provider: 'Generic', ruleId: 'generic-api-key'},
  {tenant: 'globex', name: 'anthropic-api-key', provider: 'Anthropic', ruleId: 'anthropic-api-key'},
]

describe('setUpAccessLayer', () => {
  let root: string
  let home: string
  let cleanup: () => void
  let folders: {tenant: string; folder: string}[]

  beforeEach(() => {
    const tmp = makeTempDir('outloop-access-setup-')
    root = realpathSync(tmp.dir)
    cleanup = tmp.cleanup
    home = join(root, 'home')
    folders = ['acme', 'globex'].map((tenant) => ({tenant, folder: join(root, 'clients', tenant)}))
    for (const {folder} of folders) mkdirSync(folder, {recursive: true})
  })
  afterEach(() => cleanup())

  it('connects every client folder and writes the starter policy (0600) when there is none', async () => {
    const result = await setUpAccessLayer({home, clientFolders: folders, entries: ENTRIES})
    expect(result.connected).toEqual(folders.map(({tenant, folder}) => ({tenant, folder, changed: true, previousTenant: null})))
    expect(result.conflicts).toEqual([])
    expect(result.failed).toEqual([])
    expect(readWorkspaceBindings(home).map((b) => [b.dir, b.tenant])).toEqual(folders.map(({tenant, folder}) => [folder, tenant]))

    const file = brokerPaths(home).policy
    expect(result.policy).toEqual({file, written: true, granted: 2, ungranted: [{tenant: 'acme', name: 'crm-key'}]})
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const policy = parsePolicyText(readFileSync(file, 'utf8'), file)
    expect(policy.clients.get('acme')?.map((g) => g.secret)).toEqual(['openai-api-key'])
    expect(policy.clients.get('globex')?.map((g) => g.secret)).toEqual(['anthropic-api-key'])
  })

  it('is a no-op the second time: folders already bound, the policy it wrote left as is', async () => {
    await setUpAccessLayer({home, clientFolders: folders, entries: ENTRIES})
    const before = readFileSync(brokerPaths(home).policy)
    const again = await setUpAccessLayer({home, clientFolders: folders, entries: ENTRIES})
    expect(again.connected.map((c) => [c.changed, c.previousTenant])).toEqual([
      [false, 'acme'],
      [false, 'globex'],
    ])
    expect(again.policy).toMatchObject({written: false, granted: 2, ungranted: [{tenant: 'acme', name: 'crm-key'}]})
    expect(readFileSync(brokerPaths(home).policy).equals(before)).toBe(true)
  })

  it('leaves an existing policy byte-identical and reports the migrated entries it does not grant', async () => {
    mkdirSync(home, {recursive: true})
    const existing = '# mine\nclients:\n  acme:\n    - {secret: crm-key, service: openai, methods: [GET]}\n  globex:\n    - {secret: openai-api-key, service: openai}\n'
    writeFileSync(brokerPaths(home).policy, existing)
    const result = await setUpAccessLayer({home, clientFolders: folders, entries: ENTRIES})
    expect(readFileSync(brokerPaths(home).policy, 'utf8')).toBe(existing)
    // globex's grant names a secret it does not own under that name: acme's openai-api-key stays ungranted.
    expect(result.policy).toEqual({
      file: brokerPaths(home).policy,
      written: false,
      granted: 1,
      ungranted: [
        {tenant: 'acme', name: 'openai-api-key'},
        {tenant: 'globex', name: 'anthropic-api-key'},
      ],
    })
    expect(result.connected).toHaveLength(2)
  })

  it('reports an invalid existing policy without throwing, quoting no value from it', async () => {
    mkdirSync(home, {recursive: true})
    const pasted = 'sk-' + randomString(ALNUM, 40)
    const broken = `clients:\n  acme:\n    - secret: ${pasted}\n      service: openai\n`
    writeFileSync(brokerPaths(home).policy, broken)
    const result = await setUpAccessLayer({home, clientFolders: folders, entries: ENTRIES})
    expect(readFileSync(brokerPaths(home).policy, 'utf8')).toBe(broken)
    expect(result.policy.written).toBe(false)
    expect(result.policy.granted).toBe(0)
    expect(result.policy.ungranted).toHaveLength(3)
    expect(result.policy.problem).toMatch(/policy\.yaml:3:\d+: expected a secret name/)
    expect(result.policy.problem).not.toContain(pasted)
    expect(result.connected).toHaveLength(2)
  })

  it('reports a folder bound to another client as a conflict and leaves that binding alone', async () => {
    await connectWorkspace(home, folders[1]!.folder, 'acme')
    const result = await setUpAccessLayer({home, clientFolders: folders, entries: ENTRIES})
    expect(result.conflicts).toEqual([{tenant: 'globex', folder: folders[1]!.folder, boundTenant: 'acme'}])
    expect(result.connected.map((c) => c.tenant)).toEqual(['acme'])
    expect(readWorkspaceBindings(home).map((b) => [b.dir, b.tenant])).toEqual([
      [folders[0]!.folder, 'acme'],
      [folders[1]!.folder, 'acme'],
    ])
  })

  it("reports a folder inside another client's connected folder as a conflict, not a failure, and binds nothing", async () => {
    await connectWorkspace(home, root, 'acme')
    const result = await setUpAccessLayer({home, clientFolders: folders, entries: ENTRIES})
    expect(result.conflicts).toEqual([{tenant: 'globex', folder: folders[1]!.folder, boundTenant: 'acme'}])
    expect(result.failed).toEqual([])
    expect(readWorkspaceBindings(home).map((b) => b.tenant)).toEqual(['acme', 'acme'])
  })

  it('reports an OUTLOOP_HOME it cannot write to, without throwing', async () => {
    writeFileSync(home, 'not a folder')
    const result = await setUpAccessLayer({home, clientFolders: folders, entries: ENTRIES})
    expect(result.connected).toEqual([])
    expect(result.failed.map((f) => f.tenant)).toEqual(['acme', 'globex'])
    expect(result.policy).toMatchObject({written: false, granted: 0, ungranted: [{tenant: 'acme', name: 'crm-key'}, {tenant: 'acme', name: 'openai-api-key'}, {tenant: 'globex', name: 'anthropic-api-key'}]})
    expect(result.policy.problem).toMatch(/^Can't write the starter policy to .*policy\.yaml \(E[A-Z]+\)\.$/)
  })

  it('reports a folder that is gone and still connects the others', async () => {
    const missing = join(root, 'clients', 'initech')
    const result = await setUpAccessLayer({home, clientFolders: [...folders, {tenant: 'initech', folder: missing}], entries: ENTRIES})
    expect(result.failed).toEqual([{tenant: 'initech', folder: missing, message: `${missing} is not a folder.`}])
    expect(result.connected).toHaveLength(2)
  })
})

describe('startAccessLayerBroker', () => {
  let home: string
  let cleanup: () => void
  const env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
  const stops: (() => Promise<void>)[] = []

  const start = async (preferredPort: number): Promise<AccessLayerBroker> => {
    const result = await startAccessLayerBroker({home, env, preferredPort})
    if (result.kind === 'started') stops.push(result.stop)
    return result
  }

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-access-broker-')
    cleanup = tmp.cleanup
    home = join(realpathSync(tmp.dir), 'home')
    mkdirSync(join(realpathSync(tmp.dir), 'clients', 'acme'), {recursive: true})
    await setUpAccessLayer({home, clientFolders: [{tenant: 'acme', folder: join(realpathSync(tmp.dir), 'clients', 'acme')}], entries: ENTRIES})
  })
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop()
    cleanup()
  })

  /** A port something else listens on, for as long as the test runs. */
  const occupyPort = async (): Promise<{port: number; server: Server}> => {
    const server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    stops.push(() => new Promise<void>((r) => server.close(() => r())))
    return {port: (server.address() as AddressInfo).port, server}
  }

  /** A port free right now: listen, note it, let go. */
  const freePort = async (): Promise<number> => {
    const server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const {port} = server.address() as AddressInfo
    await new Promise<void>((r) => server.close(() => r()))
    return port
  }

  it('starts on the preferred port, answers its health check and announces itself', async () => {
    const port = await freePort()
    const result = await start(port)
    if (result.kind !== 'started') throw new Error(`expected a started broker, got ${result.kind}`)
    expect(result.fellBack).toBe(false)
    expect(result.broker.port).toBe(port)
    expect(result.policyFile).toBe(brokerPaths(home).policy)
    expect((await callBroker(result.broker.url, 'GET', '/_outloop/health')).status).toBe(200)
    expect((await findRunningBroker(home))?.url).toBe(result.broker.url)
  })

  it('falls back to a free port when the preferred one is taken', async () => {
    const taken = await occupyPort()
    const result = await start(taken.port)
    if (result.kind !== 'started') throw new Error(`expected a started broker, got ${result.kind}`)
    expect(result.fellBack).toBe(true)
    expect(result.broker.port).not.toBe(taken.port)
    expect((await callBroker(result.broker.url, 'GET', '/_outloop/health')).status).toBe(200)
    expect((await findRunningBroker(home))?.url).toBe(result.broker.url)
  })

  it('starts nothing when a broker for this home already answers', async () => {
    const first = await start(0)
    if (first.kind !== 'started') throw new Error(`expected a started broker, got ${first.kind}`)
    const second = await start(0)
    expect(second).toEqual({kind: 'already-running', url: first.broker.url, pid: process.pid})
  })

  it('stops: the announcement goes with it', async () => {
    const result = await startAccessLayerBroker({home, env, preferredPort: 0})
    if (result.kind !== 'started') throw new Error(`expected a started broker, got ${result.kind}`)
    await result.stop()
    expect(await findRunningBroker(home)).toBeNull()
  })
})
