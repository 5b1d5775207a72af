import {randomBytes} from 'node:crypto'
import {existsSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import type {AuditRecord} from '../../src/audit/chain.js'
import {readAuditChain} from '../../src/audit/reader.js'
import {expectNoSecrets, runCli} from '../helpers/tree.js'
import {settledAuditRecords, startAuditWorld, type AuditWorld} from './audit-fixture.js'
import {callBroker} from './harness.js'

describe('audit verify notices deletions, swaps and additions', () => {
  let world: AuditWorld
  beforeEach(async () => {
    world = await startAuditWorld()
    for (const client of ['acme', 'globex', 'acme', 'globex', 'acme'] as const) expect((await call(client)).status).toBe(200)
    await settledAuditRecords(world.auditDir, 'acme', 3)
    await settledAuditRecords(world.auditDir, 'globex', 2)
  })
  afterEach(async () => {
    await world.close()
  })
  const call = (client: 'acme' | 'globex') => callBroker(world.broker.url, 'GET', `/_t/${world.tokens[client]}/openai/v1/models`)
  const file = (name: string) => join(world.auditDir, name)
  const verify = async (...args: string[]) => {
    const result = await runCli(['audit', 'verify', ...args], {home: world.home})
    expectNoSecrets([result.stdout, result.stderr], [...world.keys, world.tokens.acme, world.tokens.globex])
    return result
  }
  const expectTampered = async (pattern: RegExp) => {
    const result = await verify()
    expect(result.stdout).not.toContain('Audit logs intact')
    expect(result.stdout).toMatch(pattern)
    expect(result.code).toBe(1)
  }

  it('is intact before any tampering', async () => {
    const result = await verify()
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('acme: 6 records')
    expect(result.stdout).toContain('Audit logs intact.')
  })

  it('catches a client log removed, with its head and without', async () => {
    await world.broker.close()
    rmSync(file('globex.jsonl'))
    await expectTampered(/globex\.jsonl: the log was removed/)
    rmSync(file('globex.head'))
    await expectTampered(/globex\.jsonl: the log was removed/)
    // Removing the registry too is no way out.
    rmSync(file('.clients.json'))
    await expectTampered(/registry of clients is missing/)
  })

  it('refuses to start a fresh chain when the log is removed under a running broker (503, nothing forwarded)', async () => {
    const seen = world.upstream.seen.length
    rmSync(file('acme.jsonl'))
    const response = await call('acme')
    expect(response.status).toBe(503)
    expect(JSON.parse(response.body).error.reason).toBe('audit-unavailable')
    expect(world.upstream.seen).toHaveLength(seen)
    expect(existsSync(file('acme.jsonl'))).toBe(false)
    // Emptied instead of removed: the same.
    writeFileSync(file('globex.jsonl'), '')
    expect((await call('globex')).status).toBe(503)
    expect(world.upstream.seen).toHaveLength(seen)
    await world.broker.close()
    await expectTampered(/acme\.jsonl: the log was removed/)
  })

  it('catches a tail cut off with a matching head made without the key, and the broker refuses to go on from it', async () => {
    await world.broker.close()
    const lines = readFileSync(file('acme.jsonl'), 'utf8').trimEnd().split('\n')
    const kept = lines.slice(0, 2)
    const last = JSON.parse(kept[1]) as AuditRecord
    writeFileSync(file('acme.jsonl'), kept.join('\n') + '\n')
    // The old head format (seq and hash only), and one with a made-up MAC.
    writeFileSync(file('acme.head'), JSON.stringify({seq: last.seq, hash: last.hash}) + '\n')
    await expectTampered(/acme\.head: the head is damaged, not written with this chain key/)
    writeFileSync(file('acme.head'), JSON.stringify({client: 'acme', seq: last.seq, hash: last.hash, mac: randomBytes(32).toString('hex')}) + '\n')
    await expectTampered(/acme\.head: the head is damaged/)
    await world.restart()
    const seen = world.upstream.seen.length
    expect((await call('acme')).status).toBe(503)
    expect(world.upstream.seen).toHaveLength(seen)
  })

  it("catches two clients' logs and heads swapped, and audit --tenant never shows another client's records", async () => {
    await world.broker.close()
    for (const ext of ['jsonl', 'head']) {
      renameSync(file(`acme.${ext}`), file(`tmp.${ext}`))
      renameSync(file(`globex.${ext}`), file(`acme.${ext}`))
      renameSync(file(`tmp.${ext}`), file(`globex.${ext}`))
    }
    await expectTampered(/acme\.jsonl:1: a record of "globex" in the log of acme/)
    const listed = await runCli(['audit', '--tenant', 'acme', '--json'], {home: world.home})
    expect(listed.code).toBe(0)
    const records = JSON.parse(listed.stdout).records as AuditRecord[]
    expect(records.every((r) => r.client === 'acme')).toBe(true)
    expect(listed.stdout).not.toContain('globex')
  })

  it('catches a field added to a record, and one edited', async () => {
    await world.broker.close()
    const original = readFileSync(file('acme.jsonl'), 'utf8')
    writeFileSync(file('acme.jsonl'), original.replace('"decision":"allowed"', '"note":"approved by security","decision":"allowed"'))
    await expectTampered(/acme\.jsonl:1: has fields no record has \("note"\)/)
    writeFileSync(file('acme.jsonl'), original.replace('"path":"/v1/models"', '"path":"/v1/other"'))
    await expectTampered(/acme\.jsonl:1: its hash does not match its content/)
    // Every record is bound to its client and all of its fields, phase and link included.
    const chain = readAuditChain(world.auditDir, 'acme')
    expect(chain.map((r) => [r.phase, r.completes])).toEqual([
      ['pending', null],
      ['complete', 1],
      ['pending', null],
      ['complete', 3],
      ['pending', null],
      ['complete', 5],
    ])
  })
})
