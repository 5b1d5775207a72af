import {execFileSync} from 'node:child_process'
import {appendFileSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'

import {readAuditChain} from '../../src/audit/reader.js'
import {verifyAuditLog} from '../../src/audit/verify.js'
import {brokerPaths, loadOrCreateKeyFile} from '../../src/broker/files.js'
import {expectNoSecrets} from '../helpers/tree.js'
import {settledAuditRecords, startAuditWorld, type AuditWorld} from './audit-fixture.js'
import {callBroker} from './harness.js'

/** Mounts a 1 MiB tmpfs at `dir`; the reason it can't when the machine does not allow it. */
function mountSmallTmpfs(dir: string): string | null {
  mkdirSync(dir, {recursive: true})
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', dir], {stdio: 'pipe'})
    return null
  } catch (error) {
    return `mount -t tmpfs failed (${String((error as {stderr?: Buffer}).stderr ?? error).trim()})`
  }
}

/** Writes a filler file until the file system refuses: ENOSPC from then on, for every writer. */
function fillUp(dir: string): string {
  const path = join(dir, 'filler')
  const fd = openSync(path, 'w')
  const block = Buffer.alloc(4096, 0x61)
  try {
    for (;;) writeSync(fd, block)
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
  }
  // Any slack in the last page too, byte by byte.
  try {
    for (;;) writeSync(fd, block, 0, 1)
  } catch {
    // full
  }
  closeSync(fd)
  return path
}

describe('audit on a full or unwritable disk: fail closed', () => {
  let world: AuditWorld
  let mounted: string | null = null
  afterEach(async () => {
    await world.broker.close()
    // Lazily if something still holds it, so a failed test never leaves a mount behind.
    if (mounted) execFileSync('umount', ['-l', mounted])
    mounted = null
    expectNoSecrets([...world.warnings, readAll(world.auditDir)], [...world.keys, world.tokens.acme, world.tokens.globex])
    await world.close()
  })
  const readAll = (dir: string) => ['acme', 'globex', '_unauthenticated'].map((c) => readAuditChain(dir, c).map((r) => JSON.stringify(r)).join('\n')).join('\n')
  const call = (token: string) => callBroker(world.broker.url, 'POST', `/_t/${token}/openai/v1/chat/completions`, {'content-type': 'application/json'}, '{"model":"x"}')

  it('refuses every allowed request with 503 and forwards none once a 1 MiB tmpfs under the audit log is full', async (context) => {
    let skipped: string | null = null
    world = await startAuditWorld((home) => {
      const audit = brokerPaths(home).auditDir
      skipped = mountSmallTmpfs(audit)
      if (!skipped) mounted = audit
    })
    if (skipped) {
      console.log(`skipped: the tmpfs case needs mount (${skipped}); the file size limit case below covers a write cut short without it`)
      context.skip()
    }
    for (let i = 0; i < 3; i++) expect((await call(world.tokens.acme)).status).toBe(200)
    await settledAuditRecords(world.auditDir, 'acme', 3)
    const filler = fillUp(world.auditDir)

    const statuses: number[] = []
    for (let i = 0; i < 40; i++) statuses.push((await call(world.tokens.acme)).status)
    // A record or two may still fit in the slack of the log's last page: those requests were recorded, and
    // went on; from the first refusal on, every one is refused and none reaches the upstream.
    const forwarded = statuses.indexOf(503)
    expect(forwarded).toBeGreaterThanOrEqual(0)
    expect(forwarded).toBeLessThan(10)
    expect(statuses.slice(forwarded)).toEqual(Array(40 - forwarded).fill(503))
    expect(world.upstream.seen).toHaveLength(3 + forwarded)
    expect(readAuditChain(world.auditDir, 'acme').filter((r) => r.phase === 'pending')).toHaveLength(3 + forwarded)
    expect(world.warnings.join('\n')).toContain("Can't write the audit log of acme")
    // What was written before the disk filled still verifies: a line cut short by ENOSPC was taken back.
    const key = loadOrCreateKeyFile(brokerPaths(world.home).auditKey, world.auditDir)
    expect(verifyAuditLog(world.auditDir, key, 'acme').problems).toEqual([])
    expect(readFileSync(join(world.auditDir, 'acme.jsonl'), 'utf8').endsWith('\n')).toBe(true)
    const before = readAuditChain(world.auditDir, 'acme').length

    // Room again: the same broker carries on with the same chain.
    unlinkSync(filler)
    expect((await call(world.tokens.acme)).status).toBe(200)
    await vi.waitFor(() => expect(readAuditChain(world.auditDir, 'acme')).toHaveLength(before + 2))
    expect(readAuditChain(world.auditDir, 'acme').slice(-2).map((r) => [r.phase, r.status])).toEqual([['pending', 0], ['complete', 200]])
    expect(verifyAuditLog(world.auditDir, key, 'acme').problems).toEqual([])
    expect(world.upstream.seen).toHaveLength(4 + forwarded)
  })

  it('refuses with 503 when a write is cut short (a file size limit, no root needed), and takes the partial line back', async () => {
    world = await startAuditWorld()
    for (let i = 0; i < 2; i++) expect((await call(world.tokens.acme)).status).toBe(200)
    await settledAuditRecords(world.auditDir, 'acme', 2)
    const log = join(world.auditDir, 'acme.jsonl')
    const size = statSync(log).size
    // This process may write no byte past 100 beyond the log's end: the next record is written in part, then EFBIG.
    execFileSync('prlimit', ['--pid', String(process.pid), `--fsize=${size + 100}:`])
    let statuses: number[]
    try {
      statuses = []
      for (let i = 0; i < 5; i++) statuses.push((await call(world.tokens.acme)).status)
    } finally {
      execFileSync('prlimit', ['--pid', String(process.pid), '--fsize=unlimited:'])
    }
    expect(statuses).toEqual([503, 503, 503, 503, 503])
    expect(world.upstream.seen).toHaveLength(2)
    expect(statSync(log).size).toBe(size)
    const key = loadOrCreateKeyFile(brokerPaths(world.home).auditKey, world.auditDir)
    expect(verifyAuditLog(world.auditDir, key, 'acme')).toEqual({records: 4, problems: []})
    expect((await call(world.tokens.acme)).status).toBe(200)
    await settledAuditRecords(world.auditDir, 'acme', 3)
    expect(verifyAuditLog(world.auditDir, key, 'acme')).toEqual({records: 6, problems: []})
  })

  it('refuses with 503 and forwards nothing when the log is a link to a device (/dev/full), and verify says so', async () => {
    world = await startAuditWorld()
    expect((await call(world.tokens.acme)).status).toBe(200)
    symlinkSync('/dev/full', join(world.auditDir, 'globex.jsonl'))
    for (let i = 0; i < 3; i++) {
      const response = await call(world.tokens.globex)
      expect(response.status).toBe(503)
      expect(JSON.parse(response.body).error.reason).toBe('audit-unavailable')
    }
    expect(world.upstream.seen).toHaveLength(1)
    const key = loadOrCreateKeyFile(brokerPaths(world.home).auditKey, world.auditDir)
    expect(verifyAuditLog(world.auditDir, key, 'globex').problems.map((p) => p.message)).toContain('the log is not a regular file (a link, a folder or a device put in its place)')
    // The other client's log is untouched by globex's.
    expect((await call(world.tokens.acme)).status).toBe(200)
    expect(world.upstream.seen).toHaveLength(2)
  })

  it('refuses with 503 when the open log is replaced by a folder under a running broker', async () => {
    world = await startAuditWorld()
    expect((await call(world.tokens.acme)).status).toBe(200)
    await settledAuditRecords(world.auditDir, 'acme', 1)
    const log = join(world.auditDir, 'acme.jsonl')
    const saved = readFileSync(log)
    rmSync(log)
    mkdirSync(log)
    expect((await call(world.tokens.acme)).status).toBe(503)
    expect(world.upstream.seen).toHaveLength(1)
    // Put back as it was, the chain goes on where it stopped.
    rmSync(log, {recursive: true})
    appendFileSync(log, saved)
    expect((await call(world.tokens.acme)).status).toBe(200)
    expect((await settledAuditRecords(world.auditDir, 'acme', 2)).map((r) => r.seq)).toEqual([2, 4])
  })

  it('keeps the records before a line cut short, and the writer takes the cut line back before appending', async () => {
    world = await startAuditWorld()
    for (let i = 0; i < 2; i++) expect((await call(world.tokens.acme)).status).toBe(200)
    await settledAuditRecords(world.auditDir, 'acme', 2)
    await world.broker.close()
    const log = join(world.auditDir, 'acme.jsonl')
    const whole = readFileSync(log, 'utf8')
    // What a write cut short by a full disk leaves: the start of a record, no newline.
    appendFileSync(log, whole.split('\n')[0].slice(0, 90))
    const key = loadOrCreateKeyFile(brokerPaths(world.home).auditKey, world.auditDir)
    const cut = verifyAuditLog(world.auditDir, key, 'acme')
    expect(cut.problems).toEqual([])
    expect(cut.records).toBe(4)
    expect(cut.notes?.[0]).toContain('unfinished')

    await world.restart()
    expect((await call(world.tokens.acme)).status).toBe(200)
    await settledAuditRecords(world.auditDir, 'acme', 3)
    const after = readFileSync(log, 'utf8')
    expect(after.startsWith(whole)).toBe(true)
    expect(after.split('\n').slice(0, -1).every((line) => JSON.parse(line).client === 'acme')).toBe(true)
    expect(verifyAuditLog(world.auditDir, key, 'acme')).toEqual({records: 6, problems: []})
  })
})
