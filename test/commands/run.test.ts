import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {startFakeUpstream, type FakeUpstream} from '../broker/harness.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, spawnCli} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'

/** The agent: calls the broker through the base URL outloop run gave it, with its placeholder as the key. */
const AGENT = `
const base = process.env.OPENAI_BASE_URL
const call = async (key) => {
  const r = await fetch(base + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer ' + key, 'content-type': 'application/json'}, body: '{}'})
  const text = await r.text()
  return r.status + ' ' + (r.status === 200 ? text : JSON.parse(text).error.reason)
}
console.log('own', await call(process.env.OPENAI_API_KEY))
console.log('foreign', await call('outloop://globex/openai-api-key'))
console.log('env', JSON.stringify(process.env))
`

describe('outloop connect, run, serve, status and audit', () => {
  let home: string
  let root: string
  let cleanup: () => void
  let upstream: FakeUpstream
  let env: NodeJS.ProcessEnv
  let planted: string[]
  let outputs: string[]

  const cli = async (args: string[], input?: string) => {
    const result = await runCliWithInput(args, {home, input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-run-')
    cleanup = tmp.cleanup
    root = tmp.dir
    home = join(root, 'home')
    mkdirSync(join(root, 'clients', 'acme', 'sub'), {recursive: true})
    mkdirSync(join(root, 'clients', 'globex'), {recursive: true})
    upstream = await startFakeUpstream()
    env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: '', OPENAI_API_KEY: 'outloop://acme/openai-api-key'}
    planted = [fakeKeyOf('OpenAI').key, fakeKeyOf('OpenAI').key]
    outputs = []
    expect((await cli(['init'])).code).toBe(0)
    expect((await cli(['vault', 'set', 'acme/openai-api-key'], planted[0])).code).toBe(0)
    expect((await cli(['vault', 'set', 'globex/openai-api-key'], planted[1])).code).toBe(0)
    writeFileSync(join(home, 'policy.yaml'), `services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      methods: [POST]\n      paths: ["/v1/chat/completions"]\n  globex:\n    - secret: openai-api-key\n      service: openai\n`)
  })
  afterEach(async () => {
    await upstream.close()
    expectNoSecrets(outputs, [...planted, env.OUTLOOP_PASSPHRASE!])
    cleanup()
  })

  it('runs an agent that reaches the upstream with the real key it never sees, and audits it', async () => {
    const connect = await cli(['connect', join(root, 'clients', 'acme'), '--tenant', 'acme'])
    expect(connect.code, connect.stderr).toBe(0)
    expect(connect.stdout).toContain('Connected')
    const status = await cli(['status', '--json'])
    expect(JSON.parse(status.stdout)).toMatchObject({schema: 'outloop.status/v1', bindings: [{tenant: 'acme', grants: 1}], broker: null, policyProblems: []})

    // From a subfolder: the nearest connected ancestor decides the client.
    const run = await cli(['run', '--workspace', join(root, 'clients', 'acme', 'sub'), '--', process.execPath, '--input-type=module', '-e', AGENT])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^own 200 /m)
    expect(run.stdout).toMatch(/^foreign 403 tenant-mismatch$/m)
    const childEnv = JSON.parse(/^env (.*)$/m.exec(run.stdout)![1])
    expect(childEnv.OPENAI_API_KEY).toBe('outloop://acme/openai-api-key')
    expect(childEnv.OUTLOOP_TENANT).toBe('acme')
    expect(childEnv.OUTLOOP_PASSPHRASE).toBeUndefined()
    expect(upstream.seen).toHaveLength(1)
    expect(upstream.seen[0].headers.authorization).toBe(`Bearer ${planted[0]}`)

    const audit = await cli(['audit', '--tenant', 'acme', '--since', '1h', '--json'])
    const records = JSON.parse(audit.stdout).records
    expect(records.map((r: {decision: string; reason: string}) => `${r.decision}:${r.reason}`)).toEqual(['allowed:allowed', 'denied:tenant-mismatch'])
    expect(records[0]).toMatchObject({client: 'acme', service: 'openai', secret: 'openai-api-key', method: 'POST', path: '/v1/chat/completions', status: 200})
    expect((await cli(['audit'])).stdout).toContain('acme  allowed  200  POST  openai/v1/chat/completions  openai-api-key')

    const token = childEnv.OUTLOOP_SESSION as string
    expect((await cli(['audit', 'verify'])).code).toBe(0)
    const log = join(home, 'audit', 'acme.jsonl')
    writeFileSync(log, readFileSync(log, 'utf8').replace('"status":200', '"status":404'))
    const verify = await cli(['audit', 'verify'])
    expect(verify.code).toBe(1)
    // Line 1 is the decision written before the upstream call; line 2, its outcome, holds the status.
    expect(verify.stdout).toContain('acme.jsonl:2: its hash does not match its content')
    expect(token.startsWith('ols_')).toBe(true)

    const disconnect = await cli(['disconnect', join(root, 'clients', 'acme')])
    expect(disconnect.code).toBe(0)
    const refused = await cli(['run', '--workspace', join(root, 'clients', 'acme'), '--', process.execPath, '-e', '0'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('is not connected to a client')
  })

  it('inject mode puts the real value in the environment and masks it in the output, even split across writes', async () => {
    await cli(['connect', join(root, 'clients', 'acme'), '--tenant', 'acme'])
    const script = `const v = process.env.OPENAI_API_KEY; process.stdout.write('key=' + v.slice(0, 9)); setTimeout(() => { process.stdout.write(v.slice(9) + '\\n'); console.error('err ' + v); console.log('len', v.length, v.startsWith('sk-')) }, 100)`
    const run = await cli(['run', '--mode', 'inject', '--workspace', join(root, 'clients', 'acme'), '--', process.execPath, '-e', script])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('key=[outloop://acme/openai-api-key]\n')
    expect(run.stdout).toContain(`len ${planted[0].length} true`)
    expect(run.stderr).toContain('err [outloop://acme/openai-api-key]')

    const foreign = await runCliWithInput(['run', '--mode', 'inject', '--workspace', join(root, 'clients', 'acme'), '--', process.execPath, '-e', 'console.log("started")'], {home, env: {...env, EXTRA_KEY: 'outloop://globex/openai-api-key'}})
    outputs.push(foreign.stdout, foreign.stderr)
    expect(foreign.code).toBe(2)
    expect(foreign.stdout).not.toContain('started')
    expect(foreign.stderr).toContain("EXTRA_KEY refers to another client's secret (outloop://globex/openai-api-key)")
    const records = JSON.parse((await cli(['audit', '--tenant', 'acme', '--json'])).stdout).records
    expect(records.map((r: {path: string; decision: string; reason: string}) => `${r.path} ${r.decision} ${r.reason}`)).toEqual(['/env/OPENAI_API_KEY allowed injected', '/env/EXTRA_KEY denied tenant-mismatch'])
    expect((await cli(['audit', 'verify'])).code).toBe(0)
  })

  it('serve runs a broker that run uses, and refuses to start on an invalid policy', async () => {
    await cli(['connect', join(root, 'clients', 'globex'), '--tenant', 'globex'])
    const serve = spawnCli(['serve', '--port', '0'], {home, env})
    let stopped = ''
    try {
      const url = (await serve.waitFor(/(http:\/\/127\.0\.0\.1:\d+)\n/))[1]
      const status = await cli(['status'])
      expect(status.stdout).toContain(`Broker: running at ${url}`)
      const run = await cli(['run', '--workspace', join(root, 'clients', 'globex'), '--', process.execPath, '-e', 'console.log(process.env.OPENAI_BASE_URL)'])
      const base = run.stdout.trim()
      expect(base.startsWith(`${url}/_t/ols_`)).toBe(true)
      // The session ended with the run: its token is revoked, and replaying it is refused.
      const replay = await fetch(`${base}/chat/completions`, {method: 'POST', body: '{}'})
      expect(replay.status).toBe(401)
      expect((await replay.json()).error.reason).toBe('revoked-token')
      expect(upstream.seen).toHaveLength(0)
    } finally {
      stopped = (await serve.stop()).output
      outputs.push(stopped)
    }
    expect(stopped).toContain('Broker stopped.')

    writeFileSync(join(home, 'policy.yaml'), `clients:\n  acme:\n    - secret: ${planted[0]}\n      service: openai\n`)
    const bad = await cli(['serve', '--port', '0'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(`${join(home, 'policy.yaml')}:3:15: expected a secret name`)
    const status = await cli(['status'])
    expect(status.stdout).toContain('is invalid')
  })
})
