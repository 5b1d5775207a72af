import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

import {readAuditRecords} from '../../src/audit/reader.js'
import {verifyAuditLog} from '../../src/audit/verify.js'
import {brokerPaths, loadOrCreateKeyFile} from '../../src/broker/files.js'
import {expectNoSecrets} from '../helpers/tree.js'
import {startAuditWorld, type AuditWorld} from './audit-fixture.js'
import {rawRequest} from './harness.js'

describe('the broker audits what never becomes a request, and never writes a token', () => {
  let world: AuditWorld
  beforeEach(async () => {
    world = await startAuditWorld()
  })
  afterEach(async () => {
    await world.close()
  })
  const unauthenticated = () => readAuditRecords(world.auditDir, '_unauthenticated')

  it("records requests Node's parser rejects (400, 431) and CONNECTs without a session as _unauthenticated", async () => {
    const bad = await rawRequest(world.broker.port, 'GET /x HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n')
    expect(bad).toMatch(/^HTTP\/1.1 400/)
    const huge = await rawRequest(world.broker.port, `GET /openai/v1/models HTTP/1.1\r\nHost: x\r\nx-outloop-session: ${world.tokens.acme}\r\nx-big: ${'a'.repeat(40_000)}\r\n\r\n`)
    expect(huge).toMatch(/^HTTP\/1.1 431/)
    const tunnel = await rawRequest(world.broker.port, 'CONNECT api.openai.com:443 HTTP/1.1\r\nHost: api.openai.com:443\r\n\r\n')
    // The forward proxy opens nothing without a session in Proxy-Authorization.
    expect(tunnel).toMatch(/^HTTP\/1.1 407/)
    expect(tunnel).toMatch(/proxy-authenticate: Basic/i)
    expect(tunnel).toContain('missing-token')
    expect(world.upstream.seen).toHaveLength(0)
    // A refusal is written at once, or just after an fsync of that log that was running: wait for the last.
    await vi.waitFor(() => expect(unauthenticated()).toHaveLength(3))
    expect(unauthenticated().map((r) => [r.method, r.status, r.reason, r.host])).toEqual([
      ['-', 400, 'bad-request', null],
      ['-', 431, 'headers-too-large', null],
      ['CONNECT', 407, 'missing-token', 'api.openai.com:443'],
    ])
    const key = loadOrCreateKeyFile(brokerPaths(world.home).auditKey, world.auditDir)
    expect(verifyAuditLog(world.auditDir, key, '_unauthenticated').problems).toEqual([])
    expectNoSecrets(readFileSync(join(world.auditDir, '_unauthenticated.jsonl'), 'utf8'), [world.tokens.acme])
  })

  it('never writes the token of a request under /_T/ (a typo of /_t/) or in any case variant', async () => {
    const t = world.tokens.acme
    const body = t.slice(4)
    const paths = [`/_T/${t}/openai/v1/models`, `/_T/OLS_${body}/openai/v1/models`, `/${t}/openai/v1/models`, `/_T/%6Fls_${body}/x`, `/_t_/x/${t.toUpperCase()}`]
    for (const path of paths) {
      const answer = await rawRequest(world.broker.port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      expect(answer, path).toMatch(/^HTTP\/1.1 401/)
    }
    expect(world.upstream.seen).toHaveLength(0)
    await vi.waitFor(() => expect(unauthenticated()).toHaveLength(paths.length))
    const records = unauthenticated()
    expect(records[0].path).toBe('/_T/[token]/openai/v1/models')
    const text = readFileSync(join(world.auditDir, '_unauthenticated.jsonl'), 'utf8')
    expectNoSecrets([text, text.toLowerCase()], [t, t.toLowerCase(), body.slice(0, 24), body.slice(0, 24).toLowerCase()])
  })
})
