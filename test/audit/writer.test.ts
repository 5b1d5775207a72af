import {randomBytes} from 'node:crypto'
import {spawn} from 'node:child_process'
import {appendFileSync, existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import type {AuditFields} from '../../src/audit/chain.js'
import {readAuditRecords} from '../../src/audit/reader.js'
import {verifyAuditLog} from '../../src/audit/verify.js'
import {AuditLogWriter} from '../../src/audit/writer.js'
import {makeTempDir, REPO_ROOT} from '../helpers/tree.js'

const fields = (i: number): AuditFields => ({time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), client: 'acme', workspace: '/w', service: 'openai', secret: 'openai-api-key', method: 'POST', host: 'api.openai.com', path: `/v1/x${i}`, status: 200, decision: 'allowed', reason: 'allowed', durationMs: 1.5})

// Every test gets a fresh audit folder and one key for the whole file.
let dir: string
let cleanup: () => void
const key = randomBytes(32)
beforeEach(() => {
  const tmp = makeTempDir('outloop-audit-')
  dir = join(tmp.dir, 'audit')
  cleanup = tmp.cleanup
})
afterEach(() => cleanup())

describe('audit writer: one chain', () => {

  it('keeps one chain when two writers (two brokers, a launcher) append to the same client', () => {
    const a = new AuditLogWriter(dir, key)
    const b = new AuditLogWriter(dir, key)
    for (let i = 0; i < 20; i++) (i % 3 === 0 ? b : a).append(fields(i))
    a.close()
    b.close()
    expect(readAuditRecords(dir, 'acme').map((r) => r.seq)).toEqual(Array.from({length: 20}, (_, i) => i + 1))
    expect(verifyAuditLog(dir, key, 'acme')).toEqual({records: 20, problems: []})
  })

  it('continues the chain after a restart, and a wrong key fails verification', () => {
    const first = new AuditLogWriter(dir, key)
    first.append(fields(1))
    first.close()
    const second = new AuditLogWriter(dir, key)
    second.append(fields(2))
    second.close()
    expect(verifyAuditLog(dir, key, 'acme').problems).toEqual([])
    const wrongKey = verifyAuditLog(dir, randomBytes(32), 'acme').problems.map((p) => p.message)
    expect(wrongKey.filter((m) => m.includes('hash does not match'))).toHaveLength(2)
    expect(wrongKey.some((m) => m.includes('head is damaged'))).toBe(true)
    expect(wrongKey.some((m) => m.includes('registry of clients is damaged'))).toBe(true)
    const line = readFileSync(join(dir, 'acme.jsonl'), 'utf8').split('\n')[0]
    expect(Object.keys(JSON.parse(line))).toEqual(['seq', 'time', 'client', 'workspace', 'service', 'secret', 'method', 'host', 'path', 'status', 'decision', 'reason', 'durationMs', 'phase', 'completes', 'prev', 'hash'])
  })
  it('refuses to go on from a log whose last record was removed or edited, or that is another client\'s', () => {
    const first = new AuditLogWriter(dir, key)
    for (let i = 0; i < 3; i++) first.append(fields(i))
    first.append({...fields(9), client: 'globex'})
    first.close()
    const log = join(dir, 'acme.jsonl')
    const whole = readFileSync(log, 'utf8')
    const lines = whole.trimEnd().split('\n')
    const tries: Array<[string, string, RegExp]> = [
      // The head still names record 3: a log ending at 2 lost a record.
      ['last record removed', lines.slice(0, 2).join('\n') + '\n', /ends at record 2 but 3 were written/],
      // Edited and given a new hash (without the key, it can't be the right one): not the record the head names.
      ['last record replaced', [...lines.slice(0, 2), JSON.stringify({...JSON.parse(lines[2]), path: '/v1/xx', hash: randomBytes(32).toString('hex')})].join('\n') + '\n', /ends on a record its head does not name/],
      ['records reordered', [lines[0], lines[2], lines[1]].join('\n') + '\n', /ends at record 2 but 3 were written/],
    ]
    for (const [what, text, reason] of tries) {
      writeFileSync(log, text)
      const writer = new AuditLogWriter(dir, key)
      expect(() => writer.append(fields(5)), what).toThrow(reason)
      writer.close()
      // Nothing was appended to the damaged log.
      expect(readFileSync(log, 'utf8'), what).toBe(text)
    }
    writeFileSync(log, whole)
    // Globex's log and head put in acme's place: the head is not acme's.
    writeFileSync(log, readFileSync(join(dir, 'globex.jsonl')))
    writeFileSync(join(dir, 'acme.head'), readFileSync(join(dir, 'globex.head')))
    const swapped = new AuditLogWriter(dir, key)
    expect(() => swapped.append(fields(5))).toThrow(/head file that is damaged or not its own/)
    swapped.close()
  })

  it('interleaves two writers\' durable and lazy appends into one chain', async () => {
    const a = new AuditLogWriter(dir, key)
    const b = new AuditLogWriter(dir, key)
    const durable = await Promise.all(Array.from({length: 30}, (_, i) => (i % 2 ? a : b).appendDurable(fields(i), {phase: 'pending'})))
    for (const record of durable) (record.seq % 3 ? a : b).appendLazily(fields(100 + record.seq), {completes: record.seq})
    a.close()
    b.close()
    expect(verifyAuditLog(dir, key, 'acme')).toEqual({records: 60, problems: []})
    expect(new Set(durable.map((r) => r.seq)).size).toBe(30)
  })

  it('takes the lock another writer shares for each append, and breaks one left by a writer that died', () => {
    const a = new AuditLogWriter(dir, key)
    const b = new AuditLogWriter(dir, key)
    a.append(fields(1))
    b.append(fields(2))
    // Two writers about: appends go through the lock, which never stays behind.
    expect(existsSync(join(dir, 'acme.lock'))).toBe(false)
    writeFileSync(join(dir, 'acme.lock'), JSON.stringify({pid: 2 ** 22 + 4321, host: hostname(), token: 'crashed'}))
    const started = Date.now()
    a.append(fields(3))
    expect(Date.now() - started).toBeLessThan(500)
    expect(existsSync(join(dir, 'acme.lock'))).toBe(false)
    a.close()
    b.close()
    expect(verifyAuditLog(dir, key, 'acme')).toEqual({records: 3, problems: []})
  })
})

describe('audit writer: durable, never a fresh chain where one existed, and one chain across crashes and processes', () => {

  it('commits records queued together in one chain, and outcomes link to their decisions', async () => {
    const writer = new AuditLogWriter(dir, key)
    const decided = await Promise.all(Array.from({length: 50}, (_, i) => writer.appendDurable(fields(i), {phase: 'pending'})))
    for (const record of decided) writer.appendLazily({...fields(record.seq), status: 200}, {completes: record.seq})
    writer.close()
    expect(decided.map((r) => r.seq)).toEqual(Array.from({length: 50}, (_, i) => i + 1))
    expect(verifyAuditLog(dir, key, 'acme')).toEqual({records: 100, problems: []})
    expect(readAuditRecords(dir, 'acme').map((r) => [r.phase, r.completes])).toEqual(decided.map((r) => ['complete', r.seq]))
  })

  it('refuses to write when the log, its head or the registry of clients was removed', () => {
    const first = new AuditLogWriter(dir, key)
    first.append(fields(1))
    first.close()
    for (const name of ['acme.jsonl', 'acme.head', '.clients.json']) {
      const path = join(dir, name)
      const saved = readFileSync(path)
      rmSync(path)
      const writer = new AuditLogWriter(dir, key)
      expect(() => writer.append(fields(2)), name).toThrow(/refusing to write/)
      expect(writer.isWritable('acme'), name).toBe(false)
      writer.close()
      writeFileSync(path, saved)
    }
    const again = new AuditLogWriter(dir, key)
    expect(again.append(fields(3)).seq).toBe(2)
    again.close()
    expect(verifyAuditLog(dir, key, 'acme')).toEqual({records: 2, problems: []})
  })

  it('cuts a half-written last line (a crash or a full disk mid-write) before appending, and the chain still verifies', () => {
    const first = new AuditLogWriter(dir, key)
    for (let i = 0; i < 3; i++) first.append(fields(i))
    first.close()
    // What a write cut short leaves: part of a record, no newline. No writer acknowledged it.
    appendFileSync(join(dir, 'acme.jsonl'), '{"seq":4,"time":"2026-01-01T00:00:09.000Z","client":"acme","work')
    const second = new AuditLogWriter(dir, key)
    second.append(fields(4))
    second.close()
    const lines = readFileSync(join(dir, 'acme.jsonl'), 'utf8').split('\n').filter(Boolean)
    expect(lines).toHaveLength(4)
    expect(lines.every((line) => JSON.parse(line).client === 'acme')).toBe(true)
    expect(verifyAuditLog(dir, key, 'acme')).toEqual({records: 4, problems: []})
  })

  it('keeps one chain when six processes start on a fresh folder and append to the same client at once', async () => {
    const logModule = pathToFileURL(join(REPO_ROOT, 'dist', 'audit', 'writer.js')).href
    const writer = `
      const {AuditLogWriter} = await import(${JSON.stringify(logModule)})
      const w = new AuditLogWriter(process.argv[1], Buffer.from(process.argv[2], 'hex'))
      for (let i = 0; i < 40; i++) {
        const fields = {time: new Date().toISOString(), client: 'acme', workspace: '/w', service: 'openai', secret: 'k', method: 'GET', host: null, path: '/p' + process.argv[3] + '-' + i, status: 200, decision: 'allowed', reason: 'allowed', durationMs: 1}
        if (i % 2) w.append(fields)
        else await w.appendDurable(fields)
      }
      w.close()
    `
    // Racy at the start above all (the registry, the log and its head created by whoever comes first): fresh each round.
    for (let round = 0; round < 3; round++) {
      const folder = join(dir, `round-${round}`)
      const run = (n: number) =>
        new Promise<{code: number | null; stderr: string}>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', writer, folder, key.toString('hex'), String(n)], {stdio: ['ignore', 'ignore', 'pipe']})
          let stderr = ''
          child.stderr.on('data', (d) => (stderr += d))
          child.on('close', (code) => resolve({code, stderr}))
        })
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map(run))
      expect(results.map((r) => r.code), results.map((r) => r.stderr.split('\n').find((l) => l.includes('Error'))).join(' ')).toEqual([0, 0, 0, 0, 0, 0])
      const records = readAuditRecords(folder, 'acme')
      expect(records.map((r) => r.seq)).toEqual(Array.from({length: 240}, (_, i) => i + 1))
      // Every process's records are all there, each once.
      expect(new Set(records.map((r) => r.path)).size).toBe(240)
      expect(verifyAuditLog(folder, key, 'acme')).toEqual({records: 240, problems: []})
    }
  })

  it('writes no session token into a record, however the request spelled it', () => {
    const writer = new AuditLogWriter(dir, key)
    const token = `ols_${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`
    writer.append({...fields(1), path: `/_t/${token}/openai/v1/chat`})
    writer.append({...fields(2), path: `/openai/${encodeURIComponent(encodeURIComponent(token))}`, secret: token, host: `${token}.example.com`})
    writer.close()
    const text = readFileSync(join(dir, 'acme.jsonl'), 'utf8')
    expect(text).not.toContain(token.slice(4, 30))
    expect(text).toContain('[token]')
    expect(verifyAuditLog(dir, key, 'acme').problems).toEqual([])
  })
})
