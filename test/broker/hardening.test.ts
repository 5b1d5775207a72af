import {createHmac} from 'node:crypto'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {readAuditRecords} from '../../src/audit/reader.js'
import {connectWorkspace, disconnectWorkspace, readWorkspaceBindings} from '../../src/broker/bindings.js'
import {brokerPaths} from '../../src/broker/files.js'
import {startBroker, type BrokerOptions, type RunningBroker} from '../../src/broker/server.js'
import {loadSessionKey, mintSessionToken, verifySessionToken} from '../../src/broker/tokens.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {callBroker, holdRequestOpen, rawRequest, startFakeUpstream, type FakeUpstream} from './harness.js'

// The probe's broker findings (issue 12, items 4-7), each replayed against a real broker and upstream.
describe('broker hardening', () => {
  let home: string
  let cleanup: () => void
  let upstream: FakeUpstream
  let broker: RunningBroker
  let acmeDir: string
  let acmeKey: string
  let globexKey: string
  let acmeToken: string
  const outputs: string[] = []

  const restart = async (extra: Partial<BrokerOptions> = {}): Promise<void> => {
    await broker?.close()
    const vault = new Map([
      ['acme/openai-api-key', acmeKey],
      ['globex/openai-api-key', globexKey],
    ])
    const policy = parsePolicyText(
      `services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      methods: [GET, POST]\n      paths: ["/v1/chat/completions", "/v1/models", "/v1/notes/**"]\n  globex:\n    - secret: openai-api-key\n      service: openai\n`,
      'policy.yaml',
    )
    broker = await startBroker({home, policy, resolveSecret: async (t, n) => (vault.has(`${t}/${n}`) ? new SecretValue(vault.get(`${t}/${n}`)!) : null), warn: (m) => outputs.push(m), upstreamTimeoutMs: 5000, ...extra})
  }
  const acmeWorkspace = (): string => readWorkspaceBindings(home).find((b) => b.tenant === 'acme')!.dir
  const raw = (method: string, target: string, headers: Record<string, string> = {}, body = ''): Promise<string> =>
    rawRequest(broker.port, `${method} ${target} HTTP/1.1\r\nHost: x\r\n${Object.entries(headers).map(([n, v]) => `${n}: ${v}\r\n`).join('')}Connection: close\r\n\r\n${body}`).then((text) => {
      outputs.push(text)
      return text
    })
  const statusOf = (response: string): number => Number(/^HTTP\/1.1 (\d+)/.exec(response)?.[1] ?? 0)
  const reasonOf = (response: string): string | undefined => /"reason":"([^"]+)"/.exec(response)?.[1]
  const chunked = (chunks: string[]): string => chunks.map((c) => `${c.length.toString(16)}\r\n${c}\r\n`).join('') + '0\r\n\r\n'

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-hardening-')
    cleanup = tmp.cleanup
    home = join(tmp.dir, 'home')
    acmeDir = join(tmp.dir, 'clients', 'acme')
    const globexDir = join(tmp.dir, 'clients', 'globex')
    mkdirSync(acmeDir, {recursive: true})
    mkdirSync(globexDir, {recursive: true})
    await connectWorkspace(home, acmeDir, 'acme')
    await connectWorkspace(home, globexDir, 'globex')
    upstream = await startFakeUpstream()
    acmeKey = fakeKeyOf('OpenAI').key
    globexKey = fakeKeyOf('OpenAI').key
    outputs.length = 0
    broker = undefined as unknown as RunningBroker
    await restart()
    acmeToken = mintSessionToken(loadSessionKey(home), {tenant: 'acme', workspace: acmeWorkspace(), expiresAt: Date.now() + 60_000}).token
  })
  afterEach(async () => {
    await broker.close()
    await upstream.close()
    const dir = brokerPaths(home).auditDir
    const audit = ['acme', 'globex', '_unauthenticated'].map((c) => JSON.stringify(readAuditRecords(dir, c))).join('\n')
    expectNoSecrets([audit, ...outputs], [acmeKey, globexKey])
    cleanup()
  })

  it("refuses another client's placeholder however the query, a header or the path encodes it", async () => {
    const other = 'outloop://globex/openai-api-key'
    const encodeAll = (text: string): string => [...text].map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')
    let nested = encodeAll(other)
    for (let i = 0; i < 20; i++) nested = nested.replaceAll('%', '%25')
    const base = `/_t/${acmeToken}/openai/v1/chat/completions`
    const refused: Array<[string, string, Record<string, string>, string]> = [
      ['one escaped letter', `${base}?x=%6futloop://globex/openai-api-key`, {}, 'tenant-mismatch'],
      ['all escaped', `${base}?x=${encodeAll(other)}`, {}, 'tenant-mismatch'],
      ['double-encoded', `${base}?x=outloop%253A%252F%252Fglobex%252Fopenai-api-key`, {}, 'tenant-mismatch'],
      ['triple-encoded', `${base}?x=${encodeAll(other).replaceAll('%', '%25').replaceAll('%', '%25')}`, {}, 'tenant-mismatch'],
      ['a bad escape before it', `${base}?bad=%zz&x=outloop%3A%2F%2Fglobex%2Fopenai-api-key`, {}, 'tenant-mismatch'],
      ['a bad escape after it', `${base}?x=%6futloop%3A//globex/openai-api-key&bad=%E0%A4%`, {}, 'tenant-mismatch'],
      ['a %u escape', `${base}?x=%u006futloop://globex/openai-api-key`, {}, 'tenant-mismatch'],
      ['in capitals', `${base}?x=OUTLOOP://GLOBEX/OPENAI-API-KEY`, {}, 'tenant-mismatch'],
      ['in a header, encoded', base, {'x-extra': 'outloop%3A%2F%2Fglobex%2Fopenai-api-key'}, 'tenant-mismatch'],
      ['in a header, with a bad escape', base, {'x-extra': '%zz %6futloop://globex/openai-api-key'}, 'tenant-mismatch'],
      ['in the path, encoded', `/_t/${acmeToken}/openai/v1/notes/%6futloop://globex/openai-api-key`, {}, 'tenant-mismatch'],
      ['encoded past any bound', `${base}?x=${nested}`, {}, 'bad-encoding'],
    ]
    for (const [what, target, headers, reason] of refused) {
      const response = await raw('POST', target, {authorization: 'Bearer outloop://acme/openai-api-key', ...headers})
      expect(reasonOf(response), what).toBe(reason)
      expect(statusOf(response), what).toBe(reason === 'bad-encoding' ? 400 : 403)
    }
    expect(upstream.counts.requests).toBe(0)

    // The client's own placeholder, encoded, and a query with a stray '%' still go through.
    const allowed = [`${base}?x=%6futloop://acme/openai-api-key`, `${base}?discount=100%&q=%zz`, `/_t/${acmeToken}/openai/v1/notes/%6futloop://acme/openai-api-key`]
    for (const target of allowed) expect(statusOf(await raw('POST', target, {authorization: 'Bearer outloop://acme/openai-api-key'})), target).toBe(200)
    expect(upstream.seen.map((r) => r.headers.authorization)).toEqual(allowed.map(() => `Bearer ${acmeKey}`))
    const reasons = readAuditRecords(brokerPaths(home).auditDir, 'acme').map((r) => r.reason)
    expect(reasons).toEqual([...refused.map(([, , , reason]) => reason), 'allowed', 'allowed', 'allowed'])
  })

  it('refuses dot segments and encoded slashes in the path however deeply they are encoded', async () => {
    const walked = ['/v1/notes/%252e%252e/files', '/v1/notes/%25252e%25252e/files', '/v1/notes/%u002e%u002e/files', '/v1/notes/a%252fb', '/v1/notes/..%255cfiles', '/v1/notes/%250a']
    for (const path of walked) {
      const response = await raw('GET', `/_t/${acmeToken}/openai${path}`)
      expect(statusOf(response), path).toBe(400)
      expect(reasonOf(response), path).toBe('bad-path')
    }
    expect(upstream.counts.requests).toBe(0)
    // A '%' that decodes to nothing dangerous still goes through, as sent.
    expect(statusOf(await raw('GET', `/_t/${acmeToken}/openai/v1/notes/100%25%20off`))).toBe(200)
    expect(upstream.seen.map((r) => r.url)).toEqual(['/v1/notes/100%25%20off'])
  })

  it('refuses a chunked body over the limit before the upstream gets a connection', async () => {
    await restart({maxRequestBytes: 1000})
    const target = `/_t/${acmeToken}/openai/v1/chat/completions`
    const over = await raw('POST', target, {'transfer-encoding': 'chunked', 'content-type': 'application/json'}, chunked(Array.from({length: 10}, () => 'x'.repeat(600))))
    expect(statusOf(over)).toBe(413)
    expect(reasonOf(over)).toBe('request-too-large')
    expect(upstream.counts).toEqual({connections: 0, requests: 0})

    // One under the limit arrives whole, with its length said, not as chunks.
    const under = await raw('POST', target, {'transfer-encoding': 'chunked'}, chunked(['a'.repeat(400), 'b'.repeat(400), 'c'.repeat(100)]))
    expect(statusOf(under)).toBe(200)
    expect(upstream.seen).toHaveLength(1)
    expect(upstream.seen[0].body).toBe('a'.repeat(400) + 'b'.repeat(400) + 'c'.repeat(100))
    expect(upstream.seen[0].headers['content-length']).toBe('900')
    expect(upstream.seen[0].headers['transfer-encoding']).toBeUndefined()
    expect(readAuditRecords(brokerPaths(home).auditDir, 'acme').map((r) => r.reason)).toEqual(['request-too-large', 'allowed'])
  })

  it('never forwards the headers that make an upstream use another method, path or host', async () => {
    const overriding = {
      'x-http-method-override': 'DELETE',
      'x-http-method': 'DELETE',
      'x-method-override': 'DELETE',
      'x-original-method': 'DELETE',
      'x-original-url': '/v1/files',
      'x-rewrite-url': '/v1/files',
      'x-forwarded-host': 'evil.example.test',
      'x-forwarded-prefix': '/v1/files',
      'x-forwarded-uri': '/v1/files',
      'x-forwarded-proto': 'http',
      forwarded: 'host=evil.example.test',
    }
    const response = await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/models`, {...overriding, 'x-request-id': 'kept'})
    expect(response.status).toBe(200)
    expect(upstream.seen).toHaveLength(1)
    const forwarded = upstream.seen[0].headers
    for (const name of Object.keys(overriding)) expect(forwarded[name], name).toBeUndefined()
    expect(forwarded['x-request-id']).toBe('kept')
  })

  it('disconnects a client that sends its request slowly, with or without a session', async () => {
    await restart({requestTimeoutMs: 300})
    const slowBody = (target: string): string => `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n${'x'.repeat(10)}`
    const cases: Array<[string, string]> = [
      ['session, slow body', slowBody(`/_t/${acmeToken}/openai/v1/chat/completions`)],
      ['no session, slow body', slowBody('/openai/v1/chat/completions')],
      ['session, slow chunked body', `POST /_t/${acmeToken}/openai/v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n`],
      ['slow headers', `GET /_t/${acmeToken}/openai/v1/models HTTP/1.1\r\nHost: x\r\n`],
    ]
    const held = await Promise.all(cases.map(([, text]) => holdRequestOpen(broker.port, text, 5000)))
    for (const [index, [what]] of cases.entries()) {
      outputs.push(held[index].received)
      expect(held[index].closedAfterMs, what).not.toBeNull()
      expect(held[index].closedAfterMs!, what).toBeLessThan(3000)
    }
    // The body that never came whole never completed upstream either; the chunked one never left the broker.
    expect(upstream.seen).toHaveLength(0)
    expect(upstream.counts.requests).toBe(1)
    const acmeRecords = () => readAuditRecords(brokerPaths(home).auditDir, 'acme')
    for (let waited = 0; acmeRecords().length < 2 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20))
    expect(readAuditRecords(brokerPaths(home).auditDir, 'acme').map((r) => r.reason).sort()).toEqual(['client-closed', 'client-closed'])
  })

  it('accepts a signature only in its one canonical spelling', async () => {
    const key = loadSessionKey(home)
    const dot = acmeToken.lastIndexOf('.')
    const signature = acmeToken.slice(dot + 1)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    // A 32-byte signature leaves the last character's two low bits unused: flipping one decodes to the same bytes.
    const last = alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1]
    // And a character whose low byte is the right one must not pass for it.
    const wide = String.fromCharCode(0x100 + signature.charCodeAt(signature.length - 1))
    const variants = [acmeToken.slice(0, -1) + last, acmeToken + '=', acmeToken + '!', acmeToken + '==', acmeToken.slice(0, -1) + wide]
    expect(Buffer.from(variants[0].slice(dot + 1), 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true)
    expect(verifySessionToken(key, acmeToken).ok).toBe(true)
    for (const variant of variants) expect(verifySessionToken(key, variant), variant.slice(dot)).toEqual({ok: false, reason: 'invalid-token'})
    // Through the broker too (the wide character cannot travel in an HTTP header).
    for (const variant of variants.slice(0, -1)) expect((await callBroker(broker.url, 'GET', '/openai/v1/models', {'x-outloop-session': variant})).status).toBe(401)
    expect(upstream.counts.requests).toBe(0)
  })

  it('ends the old sessions of a folder disconnected and connected again, and refuses tokens without a minting time', async () => {
    expect((await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/models`)).status).toBe(200)
    await disconnectWorkspace(home, acmeDir)
    await new Promise((r) => setTimeout(r, 5))
    await connectWorkspace(home, acmeDir, 'acme')
    const revived = await callBroker(broker.url, 'GET', `/_t/${acmeToken}/openai/v1/models`)
    expect(revived.status).toBe(401)
    expect(JSON.parse(revived.body).error.reason).toBe('stale-token')
    const fresh = mintSessionToken(loadSessionKey(home), {tenant: 'acme', workspace: acmeWorkspace(), expiresAt: Date.now() + 60_000}).token
    expect((await callBroker(broker.url, 'GET', `/_t/${fresh}/openai/v1/models`)).status).toBe(200)

    // A token as an older outloop minted it (no issued-at claim), properly signed, is refused.
    const body = Buffer.from(JSON.stringify({i: 'old-session', t: 'acme', w: acmeWorkspace(), e: Date.now() + 60_000})).toString('base64url')
    const old = `ols_${body}.${createHmac('sha256', loadSessionKey(home)).update(body).digest('base64url')}`
    expect(verifySessionToken(loadSessionKey(home), old)).toEqual({ok: false, reason: 'invalid-token'})
    expect((await callBroker(broker.url, 'GET', `/_t/${old}/openai/v1/models`)).status).toBe(401)
    expect(upstream.seen).toHaveLength(2)
    expect(readAuditRecords(brokerPaths(home).auditDir, '_unauthenticated').map((r) => r.reason)).toEqual(['stale-token', 'invalid-token'])
  })
})
