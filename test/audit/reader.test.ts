import {randomBytes} from 'node:crypto'
import {appendFileSync, mkdirSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import type {AuditFields} from '../../src/audit/chain.js'
import {readAuditChain, readAuditRecords} from '../../src/audit/reader.js'
import {AuditLogWriter} from '../../src/audit/writer.js'
import {makeTempDir} from '../helpers/tree.js'

const fields = (i: number): AuditFields => ({time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), client: 'acme', workspace: '/w', service: 'openai', secret: 'openai-api-key', method: 'GET', host: 'api.openai.com', path: `/v1/x${i}`, status: 0, decision: 'allowed', reason: 'allowed', durationMs: 0})

describe('audit reader', () => {
  let dir: string
  let cleanup: () => void
  const key = randomBytes(32)
  beforeEach(() => {
    const tmp = makeTempDir('outloop-audit-reader-')
    dir = join(tmp.dir, 'audit')
    cleanup = tmp.cleanup
  })
  afterEach(() => cleanup())

  it('shows one record per request: a pending decision as its outcome, one never completed as pending', () => {
    const writer = new AuditLogWriter(dir, key)
    const first = writer.append(fields(1), {phase: 'pending'})
    const second = writer.append(fields(2), {phase: 'pending'})
    writer.append({...fields(3), decision: 'denied', status: 403})
    writer.append({...fields(1), status: 200, durationMs: 12}, {completes: first.seq})
    writer.close()
    expect(readAuditChain(dir, 'acme')).toHaveLength(4)
    expect(readAuditRecords(dir, 'acme').map((r) => [r.path, r.phase, r.status])).toEqual([
      ['/v1/x1', 'complete', 200],
      ['/v1/x2', 'pending', 0],
      ['/v1/x3', 'complete', 403],
    ])
    expect(second.phase).toBe('pending')
  })

  it('skips lines that do not parse and records of another client, and reads nothing through a link', () => {
    const writer = new AuditLogWriter(dir, key)
    writer.append(fields(1))
    writer.close()
    appendFileSync(join(dir, 'acme.jsonl'), 'not json\n' + JSON.stringify({...fields(2), client: 'globex', seq: 2}) + '\n')
    expect(readAuditChain(dir, 'acme').map((r) => r.seq)).toEqual([1])
    expect(readAuditChain(dir, 'nobody')).toEqual([])
    mkdirSync(join(dir, 'elsewhere'))
    symlinkSync(join(dir, 'acme.jsonl'), join(dir, 'linked.jsonl'))
    expect(readAuditChain(dir, 'linked')).toEqual([])
  })
})
