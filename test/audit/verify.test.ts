import {randomBytes} from 'node:crypto'
import {appendFileSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {hashAuditRecord, type AuditFields, type AuditRecord} from '../../src/audit/chain.js'
import {verifyAuditLog, verifyAuditRegistry} from '../../src/audit/verify.js'
import {AuditLogWriter} from '../../src/audit/writer.js'
import {makeTempDir} from '../helpers/tree.js'

const fields = (i: number, client = 'acme'): AuditFields => ({time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), client, workspace: '/w', service: 'openai', secret: 'openai-api-key', method: 'POST', host: 'api.openai.com', path: `/v1/x${i}`, status: 200, decision: 'allowed', reason: 'allowed', durationMs: 1.5})

describe('audit verify: every way a written log can be changed is a problem', () => {
  let dir: string
  let cleanup: () => void
  const key = randomBytes(32)
  const log = () => join(dir, 'acme.jsonl')
  const lines = () => readFileSync(log(), 'utf8').trimEnd().split('\n')
  const rewrite = (records: string[]) => writeFileSync(log(), records.join('\n') + '\n')
  const messages = () => verifyAuditLog(dir, key, 'acme').problems.map((p) => `${p.file}:${p.line} ${p.message}`)

  beforeEach(() => {
    const tmp = makeTempDir('outloop-audit-verify-')
    dir = join(tmp.dir, 'audit')
    cleanup = tmp.cleanup
    const writer = new AuditLogWriter(dir, key)
    for (let i = 1; i <= 4; i++) writer.append(fields(i))
    writer.append(fields(1, 'globex'))
    writer.close()
  })
  afterEach(() => cleanup())

  it('passes a log as written, with its head and registry', () => {
    expect(verifyAuditLog(dir, key, 'acme')).toEqual({records: 4, problems: []})
    expect(verifyAuditRegistry(dir, key).problems).toEqual([])
  })

  it('catches the last record removed: the head and the registry still name it', () => {
    rewrite(lines().slice(0, 3))
    expect(messages()).toEqual(expect.arrayContaining([expect.stringMatching(/^acme\.jsonl:3 the log ends at record 3 but its head says 4 were written/)]))
  })

  it('catches the log truncated to nothing but its first record', () => {
    rewrite(lines().slice(0, 1))
    expect(messages().some((m) => /ends at record 1 but its head says 4/.test(m))).toBe(true)
  })

  it('catches records reordered', () => {
    const [a, b, c, d] = lines()
    rewrite([a, c, b, d])
    const found = messages()
    expect(found).toContain('acme.jsonl:2 sequence number 3 where 2 was expected (a record was removed or moved)')
    expect(found.some((m) => m.startsWith('acme.jsonl:2 does not link to the record before it'))).toBe(true)
  })

  it('catches a record removed from the middle', () => {
    const all = lines()
    rewrite([all[0], all[2], all[3]])
    expect(messages()).toEqual(['acme.jsonl:2 sequence number 3 where 2 was expected (a record was removed or moved)', 'acme.jsonl:2 does not link to the record before it (a record was removed, moved or edited)'])
  })

  it('catches a record edited, even when its hash is remade with another key', () => {
    const all = lines()
    const edited = {...(JSON.parse(all[1]) as AuditRecord), status: 403}
    rewrite([all[0], JSON.stringify(edited), all[2], all[3]])
    expect(messages()).toEqual(['acme.jsonl:2 its hash does not match its content (the record was edited)'])
    const {hash: _dropped, ...unsigned} = edited
    rewrite([all[0], JSON.stringify({...edited, hash: hashAuditRecord(randomBytes(32), unsigned)}), all[2], all[3]])
    const found = messages()
    expect(found).toContain('acme.jsonl:2 its hash does not match its content (the record was edited)')
    expect(found).toContain('acme.jsonl:3 does not link to the record before it (a record was removed, moved or edited)')
  })

  it('catches a field added to a record, and a record of another client moved in', () => {
    const all = lines()
    rewrite([all[0], JSON.stringify({...JSON.parse(all[1]), note: 'x'}), all[2], all[3]])
    expect(messages().some((m) => m.startsWith('acme.jsonl:2 has fields no record has ("note")'))).toBe(true)
    const globex = readFileSync(join(dir, 'globex.jsonl'), 'utf8').trimEnd()
    rewrite([globex, ...all.slice(1)])
    expect(messages().some((m) => m.startsWith('acme.jsonl:1 a record of "globex" in the log of acme'))).toBe(true)
  })

  it('catches a record appended without the key', () => {
    const all = lines()
    const last = JSON.parse(all[3]) as AuditRecord
    const forged: Omit<AuditRecord, 'hash'> = {...fields(5), seq: 5, phase: 'complete', completes: null, prev: last.hash}
    rewrite([...all, JSON.stringify({...forged, hash: hashAuditRecord(randomBytes(32), forged)})])
    expect(messages()).toEqual(['acme.jsonl:5 its hash does not match its content (the record was edited)'])
  })

  it('catches the head removed, or replaced by another client\'s, and a registry signed with another key', () => {
    const head = readFileSync(join(dir, 'acme.head'))
    rmSync(join(dir, 'acme.head'))
    expect(messages()).toContain('acme.head:0 the head file is missing (removed)')
    writeFileSync(join(dir, 'acme.head'), readFileSync(join(dir, 'globex.head')))
    expect(messages().some((m) => m.startsWith('acme.head:0 the head is damaged'))).toBe(true)
    writeFileSync(join(dir, 'acme.head'), head)
    expect(verifyAuditRegistry(dir, randomBytes(32)).problems.map((p) => p.message)).toEqual(['the registry of clients is damaged or was not written with this chain key (replaced)'])
  })

  it('takes an unfinished last line as a note, not a problem (no record was ever acknowledged in it)', () => {
    appendFileSync(log(), '{"seq":5,"time":"2026')
    const result = verifyAuditLog(dir, key, 'acme')
    expect(result.problems).toEqual([])
    expect(result.records).toBe(4)
    expect(result.notes?.[0]).toMatch(/last line is unfinished/)
  })
})
