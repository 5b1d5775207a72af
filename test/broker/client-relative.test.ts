import {mkdirSync, realpathSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {readAuditRecords} from '../../src/audit/reader.js'
import {connectWorkspace} from '../../src/broker/bindings.js'
import {brokerPaths} from '../../src/broker/files.js'
import {startBroker, type RunningBroker} from '../../src/broker/server.js'
import {loadSessionKey, mintSessionToken} from '../../src/broker/tokens.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {formatClientRelativeRef} from '../../src/vault/ref.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {recordingCli} from '../vault/cli.js'
import {callBroker, startFakeUpstream, type FakeUpstream} from './harness.js'

const SHARED = formatClientRelativeRef('openai-api-key')
// acme's first grant is another key: a placeholder the broker did not read would get that one.
const policyText = (upstream: string): string =>
  `services:\n  openai:\n    upstream: ${upstream}\nclients:\n  acme:\n    - secret: legacy-openai-key\n      service: openai\n    - secret: openai-api-key\n      service: openai\n  globex:\n    - secret: openai-api-key\n      service: openai\n`

describe('client-relative placeholders (outloop://@client/<name>) at the broker', () => {
  let home: string
  let cleanup: () => void
  let upstream: FakeUpstream
  let broker: RunningBroker
  let keys: Record<string, string>
  let tokens: Record<string, string>
  const responses: string[] = []

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-client-relative-')
    cleanup = tmp.cleanup
    home = join(tmp.dir, 'home')
    upstream = await startFakeUpstream()
    keys = {'acme/openai-api-key': fakeKeyOf('OpenAI').key, 'globex/openai-api-key': fakeKeyOf('OpenAI').key, 'acme/legacy-openai-key': fakeKeyOf('OpenAI').key, 'acme/crm-key': 'crm_' + randomString(ALNUM, 32)}
    tokens = {}
    for (const tenant of ['acme', 'globex']) {
      const dir = join(tmp.dir, 'clients', tenant)
      mkdirSync(dir, {recursive: true})
      await connectWorkspace(home, dir, tenant)
      tokens[tenant] = mintSessionToken(loadSessionKey(home), {tenant, workspace: realpathSync(dir), expiresAt: Date.now() + 60_000}).token
    }
    broker = await startBroker({home, policy: parsePolicyText(policyText(upstream.url), 'policy.yaml'), resolveSecret: async (t, n) => (keys[`${t}/${n}`] ? new SecretValue(keys[`${t}/${n}`]) : null)})
  })
  afterEach(async () => {
    await broker.close()
    await upstream.close()
    const audit = ['acme', 'globex'].map((c) => JSON.stringify(readAuditRecords(brokerPaths(home).auditDir, c))).join('\n')
    expectNoSecrets([audit, ...responses], Object.values(keys))
    cleanup()
  })

  const call = async (tenant: string, headers: Record<string, string>, path = '/openai/v1/chat/completions') => {
    const r = await callBroker(broker.url, 'POST', `/_t/${tokens[tenant]}${path}`, headers, '{}')
    responses.push(r.body)
    return r
  }

  it("resolves to the calling session's own client: the same placeholder gets acme's key for acme and globex's for globex", async () => {
    expect(SHARED).toBe('outloop://@client/openai-api-key')
    expect((await call('acme', {authorization: `Bearer ${SHARED}`})).status).toBe(200)
    expect((await call('globex', {authorization: `Bearer ${SHARED}`})).status).toBe(200)
    // Percent-encoded and in capitals it is the same placeholder, still this session's own.
    expect((await call('globex', {'x-api-ref': 'OUTLOOP://%40CLIENT/OPENAI-API-KEY'})).status).toBe(200)
    expect(upstream.seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${keys['acme/openai-api-key']}`, `Bearer ${keys['globex/openai-api-key']}`, `Bearer ${keys['globex/openai-api-key']}`])
    expect(JSON.stringify(upstream.seen.map((r) => r.headers))).not.toContain('outloop://')
    expect(readAuditRecords(brokerPaths(home).auditDir, 'acme')).toEqual([expect.objectContaining({client: 'acme', secret: 'openai-api-key', decision: 'allowed'})])
    expect(readAuditRecords(brokerPaths(home).auditDir, 'globex').map((r) => `${r.client} ${r.secret} ${r.decision}`)).toEqual(['globex openai-api-key allowed', 'globex openai-api-key allowed'])
  })

  it('checks the name against the grants as usual, and never excuses another client named beside it', async () => {
    const ungranted = await call('acme', {authorization: `Bearer ${formatClientRelativeRef('crm-key')}`})
    expect(ungranted.status).toBe(403)
    expect(JSON.parse(ungranted.body).error.reason).toBe('secret-not-allowed')
    const missing = await call('globex', {authorization: `Bearer ${formatClientRelativeRef('crm-key')}`})
    expect(JSON.parse(missing.body).error.reason).toBe('secret-not-allowed')
    const foreign = await call('acme', {authorization: `Bearer ${SHARED}`, 'x-extra': 'outloop://globex/openai-api-key'})
    expect(foreign.status).toBe(403)
    expect(JSON.parse(foreign.body).error.reason).toBe('tenant-mismatch')
    expect(upstream.counts.requests).toBe(0)
  })
})

describe('client-relative placeholders through outloop run', () => {
  it("inject mode and proxy mode resolve outloop://@client/openai-api-key to the folder's own client", async () => {
    const {dir: root, cleanup} = makeTempDir('outloop-client-relative-run-')
    const upstream = await startFakeUpstream()
    const home = join(root, 'home')
    const env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: '', OPENAI_API_KEY: SHARED}
    const planted = {acme: fakeKeyOf('OpenAI').key, globex: fakeKeyOf('OpenAI').key}
    const {cli, outputs} = recordingCli(home, env)
    try {
      expect((await cli(['init'])).code).toBe(0)
      writeFileSync(join(home, 'policy.yaml'), policyText(upstream.url))
      for (const tenant of ['acme', 'globex'] as const) {
        mkdirSync(join(root, 'clients', tenant), {recursive: true})
        expect((await cli(['vault', 'set', `${tenant}/openai-api-key`], planted[tenant])).code).toBe(0)
        expect((await cli(['connect', join(root, 'clients', tenant), '--tenant', tenant])).code).toBe(0)
      }
      // The agent says which key it got without printing it: the output masker would hide it anyway.
      const probe = `const v = process.env.OPENAI_API_KEY; console.log('got', ${JSON.stringify(planted.acme)} === v ? 'acme' : ${JSON.stringify(planted.globex)} === v ? 'globex' : 'other:' + v.slice(0, 18))`
      for (const tenant of ['acme', 'globex']) {
        const run = await cli(['run', '--mode', 'inject', '--workspace', join(root, 'clients', tenant), '--', process.execPath, '-e', probe])
        expect(run.code, run.stderr).toBe(0)
        expect(run.stdout).toContain(`got ${tenant}`)
      }
      const agent = `const r = await fetch(process.env.OPENAI_BASE_URL + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer ' + process.env.OPENAI_API_KEY}, body: '{}'}); console.log('status', r.status, process.env.OPENAI_API_KEY)`
      for (const tenant of ['globex', 'acme']) {
        const run = await cli(['run', '--workspace', join(root, 'clients', tenant), '--', process.execPath, '--input-type=module', '-e', agent])
        expect(run.code, run.stderr).toBe(0)
        expect(run.stdout).toContain(`status 200 ${SHARED}`)
      }
      expect(upstream.seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${planted.globex}`, `Bearer ${planted.acme}`])
      const audit = JSON.parse((await cli(['audit', '--tenant', 'acme', '--json'])).stdout).records
      expect(audit.map((r: {path: string; secret: string; reason: string}) => `${r.path} ${r.secret} ${r.reason}`)).toEqual(['/env/OPENAI_API_KEY openai-api-key injected', '/v1/chat/completions openai-api-key allowed'])
    } finally {
      await upstream.close()
      expectNoSecrets(outputs, [planted.acme, planted.globex, env.OUTLOOP_PASSPHRASE])
      cleanup()
    }
  })
})
