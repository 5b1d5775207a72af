import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

import {readAuditRecords} from '../../src/audit/reader.js'
import {verifyAuditLog} from '../../src/audit/verify.js'
import {connectWorkspace, disconnectWorkspace} from '../../src/broker/bindings.js'
import {brokerPaths, loadOrCreateKeyFile} from '../../src/broker/files.js'
import {startBroker, type RunningBroker} from '../../src/broker/server.js'
import {loadSessionKey, mintSessionToken, revokeSession} from '../../src/broker/tokens.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {callBroker, rawRequest, startFakeUpstream, type FakeUpstream} from './harness.js'

describe('broker', () => {
  let home: string
  let cleanup: () => void
  let upstream: FakeUpstream
  let broker: RunningBroker
  let acmeDir: string
  let globexDir: string
  let acmeKey: string
  let globexKey: string
  let acmeToken: string
  const warnings: string[] = []

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-broker-')
    cleanup = tmp.cleanup
    home = join(tmp.dir, 'home')
    acmeDir = join(tmp.dir, 'clients', 'acme')
    globexDir = join(tmp.dir, 'clients', 'globex')
    mkdirSync(acmeDir, {recursive: true})
    mkdirSync(globexDir, {recursive: true})
    await connectWorkspace(home, acmeDir, 'acme')
    await connectWorkspace(home, globexDir, 'globex')
    upstream = await startFakeUpstream()
    acmeKey = fakeKeyOf('OpenAI').key
    globexKey = fakeKeyOf('OpenAI').key
    const vault = new Map([
      ['acme/openai-api-key', acmeKey],
      ['globex/openai-api-key', globexKey],
    ])
    const policy = parsePolicyText(
      `services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      methods: [GET, POST]\n      paths: ["/v1/chat/completions", "/v1/models", "/v1/stream"]\n  globex:\n    - secret: openai-api-key\n      service: openai\n`,
      'policy.yaml',
    )
    broker = await startBroker({home, policy, resolveSecret: async (t, n) => (vault.has(`${t}/${n}`) ? new SecretValue(vault.get(`${t}/${n}`)!) : null), warn: (m) => warnings.push(m), upstreamTimeoutMs: 5000})
    acmeToken = mintSessionToken(loadSessionKey(home), {tenant: 'acme', workspace: realDir(acmeDir), expiresAt: Date.now() + 60_000}).token
  })
  afterEach(async () => {
    await broker.close()
    await upstream.close()
    const auditText = readAll(brokerPaths(home).auditDir)
    expectNoSecrets([auditText, ...warnings], [acmeKey, globexKey])
    cleanup()
  })

  const realDir = (dir: string): string => readFileSync(join(home, 'bindings.json'), 'utf8') && JSON.parse(readFileSync(join(home, 'bindings.json'), 'utf8')).bindings.find((b: {dir: string}) => b.dir.endsWith(dir.split('/').slice(-2).join('/'))).dir
  const readAll = (dir: string): string => {
    try {
      return ['acme', 'globex', '_unauthenticated'].map((c) => readAuditRecords(dir, c).map((r) => JSON.stringify(r)).join('\n')).join('\n')
    } catch {
      return ''
    }
  }
  const auditKey = () => loadOrCreateKeyFile(brokerPaths(home).auditKey, brokerPaths(home).auditDir)
  // An outcome is recorded once the response has ended: wait for every forwarded request's to land.
  const settledRecords = (client: string, count: number) =>
    vi.waitFor(() => {
      const records = readAuditRecords(brokerPaths(home).auditDir, client)
      expect(records.filter((r) => r.phase === 'complete')).toHaveLength(count)
      return records
    })

  it('swaps the placeholder for the real key upstream; the agent only ever holds the placeholder', async () => {
    const response = await callBroker(broker.url, 'POST', `/_t/${acmeToken}/openai/v1/chat/completions?stream=false`, {authorization: 'Bearer outloop://acme/openai-api-key', 'content-type': 'application/json'}, '{"model":"x"}')
    expect(response.status).toBe(200)
    expect(upstream.seen).toHaveLength(1)
    expect(upstream.seen[0]).toMatchObject({method: 'POST', url: '/v1/chat/completions?stream=false', body: '{"model":"x"}'})
    expect(upstream.seen[0].headers.authorization).toBe(`Bearer ${acmeKey}`)
    expect(upstream.seen[0].headers.host).toBe(new URL(upstream.url).host)
    expect(JSON.stringify(upstream.seen[0].headers)).not.toContain(acmeToken)
    expectNoSecrets([response.body, JSON.stringify(response.headers)], [acmeKey])

    // No placeholder: the service's credential from the grant is attached; the token may come as a header too.
    const bare = await callBroker(broker.url, 'GET', '/openai/v1/models', {'x-outloop-session': acmeToken})
    expect(bare.status).toBe(200)
    expect(upstream.seen[1].headers.authorization).toBe(`Bearer ${acmeKey}`)

    const records = await settledRecords('acme', 2)
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({client: 'acme', service: 'openai', secret: 'openai-api-key', method: 'POST', host: new URL(upstream.url).host, path: '/v1/chat/completions', status: 200, decision: 'allowed'})
    expect(JSON.stringify(records)).not.toContain('stream=false')
    // Each forwarded request is two records: the decision, on disk before the upstream call, and its outcome.
    expect(verifyAuditLog(brokerPaths(home).auditDir, auditKey(), 'acme')).toEqual({records: 4, problems: []})
  })

  it('refuses wrong-client placeholders, forged, expired and revoked tokens, disallowed paths and absolute URIs before any upstream call', async () => {
    const key = loadSessionKey(home)
    const forged = mintSessionToken(Buffer.alloc(32, 7), {tenant: 'acme', workspace: realDir(acmeDir), expiresAt: Date.now() + 60_000}).token
    const expired = mintSessionToken(key, {tenant: 'acme', workspace: realDir(acmeDir), expiresAt: Date.now() - 1}).token
    const revoked = mintSessionToken(key, {tenant: 'acme', workspace: realDir(acmeDir), expiresAt: Date.now() + 60_000})
    await revokeSession(home, revoked.claims)
    const lying = mintSessionToken(key, {tenant: 'globex', workspace: realDir(acmeDir), expiresAt: Date.now() + 60_000}).token
    const auth = {authorization: 'Bearer outloop://acme/openai-api-key'}

    const cases: Array<[string, Promise<{status: number; body: string}>, number, string]> = [
      ['wrong client', callBroker(broker.url, 'POST', `/_t/${acmeToken}/openai/v1/chat/completions`, {authorization: 'Bearer outloop://globex/openai-api-key'}), 403, 'tenant-mismatch'],
      ['wrong client in another header', callBroker(broker.url, 'POST', `/_t/${acmeToken}/openai/v1/chat/completions`, {...auth, 'x-extra': 'outloop://globex/openai-api-key'}), 403, 'tenant-mismatch'],
      ['no token', callBroker(broker.url, 'POST', '/openai/v1/chat/completions', auth), 401, 'missing-token'],
      ['forged token', callBroker(broker.url, 'POST', `/_t/${forged}/openai/v1/chat/completions`, auth), 401, 'invalid-token'],
      ['expired token', callBroker(broker.url, 'POST', `/_t/${expired}/openai/v1/chat/completions`, auth), 401, 'expired-token'],
      ['revoked token', callBroker(broker.url, 'POST', `/_t/${revoked.token}/openai/v1/chat/completions`, auth), 401, 'revoked-token'],
      ['tenant not the binding', callBroker(broker.url, 'POST', `/_t/${lying}/openai/v1/chat/completions`, auth), 401, 'unbound-workspace'],
      ['disallowed path', callBroker(broker.url, 'POST', `/_t/${acmeToken}/openai/v1/files`, auth), 403, 'path-not-allowed'],
      ['disallowed method', callBroker(broker.url, 'DELETE', `/_t/${acmeToken}/openai/v1/models`, auth), 403, 'method-not-allowed'],
      ['unknown service', callBroker(broker.url, 'GET', `/_t/${acmeToken}/nope/v1/models`, auth), 403, 'unknown-service'],
    ]
    for (const [what, pending, status, reason] of cases) {
      const response = await pending
      expect(response.status, what).toBe(status)
      expect(JSON.parse(response.body).error.reason, what).toBe(reason)
      // Every refusal says why in words an agent's operator can act on, not a generic line.
      expect(JSON.parse(response.body).error.message, what).not.toBe('Refused by the outloop broker.')
    }
    const absolute = await rawRequest(broker.port, `GET ${upstream.url}/v1/models HTTP/1.1\r\nHost: ${new URL(upstream.url).host}\r\nx-outloop-session: ${acmeToken}\r\nConnection: close\r\n\r\n`)
    expect(absolute).toMatch(/^HTTP\/1.1 400/)
    expect(absolute).toContain('absolute-uri')
    // Sent raw: a URL parser on the client side would resolve the dot segments before they reach the broker.
    for (const path of ['/openai/v1/models/%2e%2e/files', '/openai/v1/models/../files', '/openai/v1/models%2f..%2ffiles']) {
      const dotted = await rawRequest(broker.port, `GET /_t/${acmeToken}${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      expect(dotted, path).toMatch(/^HTTP\/1.1 400/)
      expect(dotted).toContain('bad-path')
    }
    // Host never chooses the upstream: a lying Host header still reaches only the policy's upstream.
    const lyingHost = await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/models`, {host: 'evil.example.test'})
    expect(lyingHost.status).toBe(200)
    expect(upstream.seen).toHaveLength(1)
    expect(upstream.seen[0].headers.host).toBe(new URL(upstream.url).host)

    const dir = brokerPaths(home).auditDir
    const acme = readAuditRecords(dir, 'acme')
    expect(acme.filter((r) => r.decision === 'denied').map((r) => r.reason).sort()).toEqual(['bad-path', 'bad-path', 'bad-path', 'method-not-allowed', 'path-not-allowed', 'tenant-mismatch', 'tenant-mismatch', 'unknown-service'].sort())
    expect(readAuditRecords(dir, '_unauthenticated').map((r) => r.reason).sort()).toEqual(['absolute-uri', 'expired-token', 'invalid-token', 'missing-token', 'revoked-token', 'unbound-workspace'])
    for (const client of ['acme', '_unauthenticated']) expect(verifyAuditLog(dir, auditKey(), client).problems).toEqual([])
    expectNoSecrets(readAll(dir), [acmeToken, forged])
  })

  it('stops a session as soon as its folder is disconnected', async () => {
    expect((await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/models`)).status).toBe(200)
    await disconnectWorkspace(home, acmeDir)
    expect((await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/models`)).status).toBe(401)
    expect(upstream.seen).toHaveLength(1)
  })

  it('streams SSE events as they come, without waiting for the whole response', async () => {
    const events = await new Promise<string[]>((resolve, reject) => {
      const chunks: string[] = []
      const req = request(`${broker.url}/_t/${acmeToken}/openai/v1/stream`, {method: 'GET', agent: false}, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream')
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          chunks.push(chunk)
          // The upstream holds the rest until the first event has reached us through the broker.
          if (chunks.length === 1) upstream.releaseStream()
        })
        res.on('end', () => resolve(chunks))
      })
      req.setTimeout(10_000, () => req.destroy(new Error('stream stalled: the broker buffered it')))
      req.on('error', reject)
      req.end()
    })
    expect(events[0]).toBe('data: one\n\n')
    expect(events.join('')).toBe('data: one\n\ndata: two\n\ndata: [DONE]\n\n')
    const records = await settledRecords('acme', 1)
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({path: '/v1/stream', status: 200, decision: 'allowed'})
  })

  it('refuses oversized requests before the upstream sees them', async () => {
    await broker.close()
    const policy = parsePolicyText(`services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n`, 'p.yaml')
    broker = await startBroker({home, policy, maxRequestBytes: 1000, resolveSecret: async () => new SecretValue(acmeKey)})
    const response = await callBroker(broker.url, 'POST', `/_t/${acmeToken}/openai/v1/chat/completions`, {'content-type': 'application/json'}, 'x'.repeat(5000))
    expect(response.status).toBe(413)
    expect(upstream.seen).toHaveLength(0)
  })

  it('fails closed: when the audit log cannot be written, nothing is forwarded', async () => {
    // A folder where the log file should be: unwritable even for root.
    const dir = brokerPaths(home).auditDir
    mkdirSync(join(dir, 'acme.jsonl'), {recursive: true})
    const response = await callBroker(broker.url, 'POST', `/_t/${acmeToken}/openai/v1/chat/completions`, {authorization: 'Bearer outloop://acme/openai-api-key'})
    expect(response.status).toBe(503)
    expect(JSON.parse(response.body).error.reason).toBe('audit-unavailable')
    expect(upstream.seen).toHaveLength(0)
    expect(warnings.join('\n')).toContain("Can't write the audit log of acme")
  })

  it('also listens on a Unix socket only its user may open', async () => {
    await broker.close()
    const policy = parsePolicyText(`services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n`, 'p.yaml')
    const socketPath = join(home, 'broker.sock')
    broker = await startBroker({home, policy, socketPath, resolveSecret: async () => new SecretValue(acmeKey)})
    expect(statSync(socketPath).mode & 0o777).toBe(0o600)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({socketPath, path: `/_t/${acmeToken}/openai/v1/models`, method: 'GET'}, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(200)
    expect(upstream.seen[0].headers.authorization).toBe(`Bearer ${acmeKey}`)
  })

  it('times out a silent upstream with 504, and never puts a value holding CR/LF into a header', async () => {
    await broker.close()
    const policy = parsePolicyText(`services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n    - secret: broken\n      service: openai\n      paths: ["/v1/broken"]\n`, 'p.yaml')
    const broken = acmeKey.slice(0, 10) + '\r\nx-injected: 1'
    broker = await startBroker({home, policy, upstreamTimeoutMs: 300, resolveSecret: async (_t, name) => new SecretValue(name === 'broken' ? broken : acmeKey)})
    const slow = await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/hang`)
    expect(slow.status).toBe(504)
    const bad = await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/broken`, {authorization: 'Bearer outloop://acme/broken'})
    expect(bad.status).toBe(502)
    expect(JSON.parse(bad.body).error.reason).toBe('secret-invalid')
    expect(upstream.seen.map((r) => r.url)).toEqual(['/v1/hang'])
    expect(readAuditRecords(brokerPaths(home).auditDir, 'acme').map((r) => r.reason)).toEqual(['upstream-timeout', 'secret-invalid'])
  })

  it('answers 502 when the upstream is unreachable and audits it as an error', async () => {
    await upstream.close()
    const response = await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/models`)
    expect(response.status).toBe(502)
    // Said as what happened: the upstream was out of reach, not a refusal by policy.
    expect(JSON.parse(response.body).error.message).toBe("The broker could not reach the service's upstream (connection, DNS or TLS failure).")
    expect(readAuditRecords(brokerPaths(home).auditDir, 'acme')[0]).toMatchObject({decision: 'error', reason: 'upstream-error', status: 502})
    upstream = await startFakeUpstream()
  })

  it('detects edited, removed and reordered audit records', async () => {
    for (let i = 0; i < 4; i++) await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/models`)
    await settledRecords('acme', 4)
    const dir = brokerPaths(home).auditDir
    const path = join(dir, 'acme.jsonl')
    const original = readFileSync(path, 'utf8')
    const lines = original.trimEnd().split('\n')
    expect(verifyAuditLog(dir, auditKey(), 'acme').problems).toEqual([])
    const check = (text: string) => {
      writeFileSync(path, text)
      const result = verifyAuditLog(dir, auditKey(), 'acme')
      writeFileSync(path, original)
      return result.problems
    }
    expect(check(original.replace('"status":200', '"status":201'))[0]).toMatchObject({line: 2, message: expect.stringContaining('edited')})
    expect(check([lines[0], lines[2], lines[3]].join('\n') + '\n').length).toBeGreaterThan(0)
    expect(check([lines[0], lines[2], lines[1], lines[3]].join('\n') + '\n').length).toBeGreaterThan(0)
    expect(check(lines.slice(0, 3).join('\n') + '\n')[0].message).toContain('removed from the end')
  })
})
