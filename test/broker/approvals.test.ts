import {chownSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {userInfo} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

import {readAuditRecords} from '../../src/audit/reader.js'
import {verifyAuditLog} from '../../src/audit/verify.js'
import {approvalPaths} from '../../src/broker/approvals.js'
import {connectWorkspace} from '../../src/broker/bindings.js'
import {brokerPaths, loadOrCreateKeyFile} from '../../src/broker/files.js'
import {startBroker, type RunningBroker} from '../../src/broker/server.js'
import {loadSessionKey, mintSessionToken} from '../../src/broker/tokens.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, runCli} from '../helpers/tree.js'
import {callBroker, startFakeUpstream, type FakeUpstream} from './harness.js'

/**
 * Human approval and budgets, end to end: a real broker, a real upstream on loopback, and the operator's
 * answers given through the real CLI (`outloop approvals approve|deny`), as a separate process.
 */
describe('approvals and budgets', () => {
  let home: string
  let cleanup: () => void
  let upstream: FakeUpstream
  let broker: RunningBroker
  let acmeKey: string
  let token: string
  let otherToken: string
  const warnings: string[] = []
  const cliOutput: string[] = []

  const POLICY = (url: string) => `services:
  shop:
    upstream: ${url}
    header: "Authorization: Bearer {secret}"
clients:
  acme:
    - secret: shop-key
      service: shop
      paths: ["/v1/orders", "/v1/orders/**"]
      approve: writes
    - secret: shop-key
      service: shop
      paths: ["/v1/refunds"]
      approve: always
      approveWithin: 1s
    - secret: shop-key
      service: shop
      methods: [GET]
      paths: ["/v1/products"]
      limit: 3/min
`

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-approvals-')
    cleanup = tmp.cleanup
    home = join(tmp.dir, 'home')
    const acmeDir = join(tmp.dir, 'clients', 'acme')
    mkdirSync(acmeDir, {recursive: true})
    await connectWorkspace(home, acmeDir, 'acme')
    upstream = await startFakeUpstream()
    acmeKey = fakeKeyOf('OpenAI').key
    const policy = parsePolicyText(POLICY(upstream.url), 'policy.yaml')
    broker = await startBroker({home, policy, resolveSecret: async (t, n) => (t === 'acme' && n === 'shop-key' ? new SecretValue(acmeKey) : null), warn: (m) => warnings.push(m), approvalPollMs: 25, requestTimeoutMs: 1000})
    const workspace = JSON.parse(readFileSync(join(home, 'bindings.json'), 'utf8')).bindings[0].dir
    token = mintSessionToken(loadSessionKey(home), {tenant: 'acme', workspace, expiresAt: Date.now() + 120_000}).token
    otherToken = mintSessionToken(loadSessionKey(home), {tenant: 'acme', workspace, expiresAt: Date.now() + 120_000}).token
  })
  afterEach(async () => {
    await broker.close()
    await upstream.close()
    const records = readAuditRecords(brokerPaths(home).auditDir, 'acme')
    expectNoSecrets([JSON.stringify(records), ...warnings, ...cliOutput], [acmeKey, token, otherToken])
    cleanup()
  })

  const outloop = async (...args: string[]) => {
    const result = await runCli(args, {home})
    cliOutput.push(result.stdout, result.stderr)
    return result
  }
  const send = (method: string, path: string, body?: string, session = token) =>
    callBroker(broker.url, method, `/_t/${session}/shop${path}`, body ? {'content-type': 'application/json'} : {}, body)
  /** The held request, once `outloop approvals --json` lists it. */
  const heldRequest = () =>
    vi.waitFor(
      async () => {
        const listed = await outloop('approvals', '--json')
        expect(listed.code).toBe(0)
        const pending = JSON.parse(listed.stdout).pending as Array<{id: string; method: string; path: string; tenant: string; service: string}>
        expect(pending).toHaveLength(1)
        return pending[0]!
      },
      {timeout: 10_000, interval: 100},
    )
  const completeRecords = () => readAuditRecords(brokerPaths(home).auditDir, 'acme').filter((r) => r.phase === 'complete')
  const auditKey = () => loadOrCreateKeyFile(brokerPaths(home).auditKey, brokerPaths(home).auditDir)

  it('holds a write until it is approved through outloop approvals, then sends it once; reads go straight through', async () => {
    const read = await send('GET', '/v1/orders')
    expect(read.status).toBe(200)
    expect(upstream.counts.requests).toBe(1)

    const write = send('POST', '/v1/orders', '{"sku":"A-1"}')
    const held = await heldRequest()
    expect(held).toMatchObject({tenant: 'acme', service: 'shop', method: 'POST', path: '/v1/orders'})
    // Held longer than the broker's request timeout (1 s here): the wait is not the agent's upload.
    await new Promise((resolve) => setTimeout(resolve, 1300))
    expect(upstream.counts.requests).toBe(1)
    const listing = await outloop('approvals')
    expect(listing.stdout).toContain(held.id)
    expect(listing.stdout).toContain('acme: POST shop /v1/orders')

    const approved = await outloop('approvals', 'approve', held.id)
    expect(approved.code).toBe(0)
    expect(approved.stdout).toContain('Approved')
    const answer = await write
    expect(answer.status).toBe(200)
    expect(upstream.counts.requests).toBe(2)
    expect(upstream.seen[1]).toMatchObject({method: 'POST', url: '/v1/orders', body: '{"sku":"A-1"}'})
    expect(upstream.seen[1]!.headers.authorization).toBe(`Bearer ${acmeKey}`)

    // The same id can't be answered twice, and the next write asks again.
    expect((await outloop('approvals', 'approve', held.id)).code).toBe(2)
    const next = send('PUT', '/v1/orders/7', '{}')
    const again = await heldRequest()
    expect(again.id).not.toBe(held.id)
    await outloop('approvals', 'deny', again.id)
    expect((await next).status).toBe(403)

    await vi.waitFor(() => expect(completeRecords()).toHaveLength(3))
    const [, post] = completeRecords()
    expect(post).toMatchObject({method: 'POST', status: 200, decision: 'allowed', approval: {id: held.id, answer: 'approved', scope: 'request', by: userInfo().username}})
    expect(Date.parse(post!.approval!.at)).toBeGreaterThan(Date.parse(post!.time))
    expect(verifyAuditLog(brokerPaths(home).auditDir, auditKey(), 'acme').problems).toEqual([])
  })

  it('a denied request and a timed-out one never reach the upstream, and both are audited', async () => {
    const write = send('DELETE', '/v1/orders/9')
    const held = await heldRequest()
    const denied = await outloop('approvals', 'deny', held.id)
    expect(denied.code).toBe(0)
    const answer = await write
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body).error.reason).toBe('approval-denied')

    // approve: always with approveWithin 1s: no one answers.
    const started = Date.now()
    const timedOut = await send('GET', '/v1/refunds')
    expect(timedOut.status).toBe(403)
    expect(JSON.parse(timedOut.body).error.reason).toBe('approval-timeout')
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(upstream.counts.requests).toBe(0)
    expect((await outloop('approvals', '--json')).stdout).toContain('"pending": []')

    const records = completeRecords()
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({method: 'DELETE', status: 403, decision: 'denied', reason: 'approval-denied', approval: {id: held.id, answer: 'denied', by: userInfo().username}})
    expect(records[1]).toMatchObject({method: 'GET', path: '/v1/refunds', status: 403, reason: 'approval-timeout', approval: {answer: 'timeout', by: null}})
    expect(verifyAuditLog(brokerPaths(home).auditDir, auditKey(), 'acme').problems).toEqual([])
  })

  it('--for-session lets the rest of that session through under that grant, and no other session', async () => {
    const first = send('POST', '/v1/orders', '{}')
    const held = await heldRequest()
    expect((await outloop('approvals', 'approve', held.id, '--for-session')).code).toBe(0)
    expect((await first).status).toBe(200)
    // Same session, same grant: no one is asked.
    expect((await send('PATCH', '/v1/orders/3', '{}')).status).toBe(200)
    expect(upstream.counts.requests).toBe(2)
    // Another session of the same client is asked again.
    const other = send('POST', '/v1/orders', '{}', otherToken)
    const asked = await heldRequest()
    await outloop('approvals', 'deny', asked.id)
    expect((await other).status).toBe(403)
    expect(upstream.counts.requests).toBe(2)

    const records = completeRecords()
    expect(records[1]).toMatchObject({method: 'PATCH', status: 200, approval: {id: held.id, answer: 'approved', scope: 'session'}})
  })

  it('takes no answer from a file another user wrote, and none for an id that does not wait', async () => {
    expect((await outloop('approvals', 'approve', 'k7m2qx9d')).code).toBe(2)
    expect((await outloop('approvals', 'approve', '../../broker/session')).code).toBe(2)
    if (process.getuid?.() !== 0) return
    const write = send('POST', '/v1/orders', '{}')
    const held = await heldRequest()
    // A forged answer owned by someone else (as an agent running as another user could leave one).
    const forged = join(approvalPaths(home).answers, `${held.id}.json`)
    writeFileSync(forged, JSON.stringify({id: held.id, answer: 'approve', scope: 'session'}))
    chownSync(forged, 65534, 65534)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(upstream.counts.requests).toBe(0)
    expect((await heldRequest()).id).toBe(held.id)
    await outloop('approvals', 'deny', held.id)
    expect((await write).status).toBe(403)
    expect(upstream.counts.requests).toBe(0)
  })

  it('refuses the request over the budget with 429 and Retry-After; the upstream counts exactly the limit', async () => {
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await send('GET', '/v1/products'))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429])
    expect(upstream.counts.requests).toBe(3)
    const retryAfter = Number(answers[3]!.headers['retry-after'])
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(JSON.parse(answers[3]!.body).error.reason).toBe('rate-limited')
    // Other grants of the client have budgets of their own (none here).
    expect((await send('GET', '/v1/orders')).status).toBe(200)
    expect(broker.budgetUse()).toEqual([{tenant: 'acme', service: 'shop', secret: 'shop-key', unit: 'min', count: 3, used: 3, freesInSec: expect.any(Number)}])

    await vi.waitFor(() => expect(completeRecords()).toHaveLength(6))
    expect(completeRecords().filter((r) => r.reason === 'rate-limited')).toHaveLength(2)
    expect(completeRecords().find((r) => r.reason === 'rate-limited')).toMatchObject({path: '/v1/products', status: 429, decision: 'denied'})
  })

  it('shows the person what is asked (query names and body size, never their values), and lets one session hold at most four at once', async () => {
    const secretish = `v${Date.now()}-${Math.random().toString(36).slice(2)}`
    const held = send('POST', `/v1/orders?amount=${secretish}&currency=eur`, '{"sku":"A-1"}')
    const first = await heldRequest()
    const listed = JSON.parse((await outloop('approvals', '--json')).stdout).pending[0]
    expect(listed).toMatchObject({path: '/v1/orders', query: ['amount', 'currency'], bodyBytes: 13})
    const text = (await outloop('approvals')).stdout
    expect(text).toContain('POST shop /v1/orders ?amount&currency')
    expect(text).toContain('13 bytes of body')
    expect(JSON.stringify(listed) + text).not.toContain(secretish)

    const more = [1, 2, 3].map(() => send('POST', '/v1/orders', '{}'))
    await vi.waitFor(async () => expect(JSON.parse((await outloop('approvals', '--json')).stdout).pending).toHaveLength(4), {timeout: 10_000, interval: 100})
    const fifth = await send('POST', '/v1/orders', '{}')
    expect(fifth.status).toBe(429)
    expect(JSON.parse(fifth.body).error.reason).toBe('approvals-queue-full')
    for (const entry of JSON.parse((await outloop('approvals', '--json')).stdout).pending as Array<{id: string}>) await outloop('approvals', 'deny', entry.id)
    expect((await Promise.all([held, ...more])).map((r) => r.status)).toEqual([403, 403, 403, 403])
    expect(first.id).toBeTruthy()
    expect(upstream.counts.requests).toBe(0)
  })

  it('a request whose agent hangs up while it waits is dropped, never sent', async () => {
    const controller = new AbortController()
    const {request} = await import('node:http')
    const req = request(`${broker.url}/_t/${token}/shop/v1/orders`, {method: 'POST', signal: controller.signal, headers: {'content-type': 'application/json'}})
    req.on('error', () => {})
    req.end('{}')
    const held = await heldRequest()
    controller.abort()
    await vi.waitFor(() => expect(completeRecords()).toHaveLength(1))
    expect(completeRecords()[0]).toMatchObject({status: 499, reason: 'client-closed'})
    expect((await outloop('approvals', 'approve', held.id)).code).toBe(2)
    expect(upstream.counts.requests).toBe(0)
  })
})
