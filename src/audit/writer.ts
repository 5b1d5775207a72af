import {closeSync, existsSync, fdatasync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, statSync, writeSync} from 'node:fs'
import {join} from 'node:path'

import {GENESIS, hashAuditRecord, isAuditHeadValid, signAuditHead, type AuditFields, type AuditHead, type AuditRecord} from './chain.js'
import {auditHeadPath, auditLogPath, AuditUnavailableError, isPresentButNotRegular, lockAuditFile, removeLegacyLockFolder} from './files.js'
import {AuditWriterPresence} from './presence.js'
import {redactAuditFields} from './redact.js'
import {AuditClientRegistry} from './registry.js'

/** Bytes of a head file: one padded JSON line rewritten in place, so a full disk can't stop its update. */
const HEAD_SIZE = 512
/** The longest a lazily appended record waits for its fsync when no durable record comes to carry it. */
const LAZY_SYNC_MS = 100

/** How a record relates to others: a pending decision, or the outcome completing one. */
export interface AuditLink {
  readonly phase?: 'pending' | 'complete'
  readonly completes?: number | null
}

interface OpenLog {
  readonly client: string
  fd: number
  readonly headFd: number
  readonly ino: number
  size: number
  seq: number
  hash: string
  headSeq: number
  /** The last record known to be on disk: what close leaves in the registry. */
  durable: {seq: number; hash: string}
  started: boolean
  /** Lazily appended records waiting for the running fsync to end. */
  deferred: Array<{fields: AuditFields; link: AuditLink}>
  /** Written since the last fsync began. */
  dirty: boolean
  /** Flushes in flight: the descriptors are closed only when none is, so an fsync never lands on a reused fd. */
  busy: number
  retired: boolean
}

interface Queued {
  readonly fields: AuditFields
  readonly link: AuditLink
  readonly resolve: (record: AuditRecord) => void
  readonly reject: (error: unknown) => void
}

/**
 * Per-client append-only JSONL logs, hash-chained with a keyed HMAC over every field (the client's name too).
 * A keyed `.head` beside each log holds its last record, and a keyed registry lists every client that ever had
 * a log, so a log removed, emptied, cut short or swapped with another client's is caught, and the writer refuses
 * to start a chain afresh where one existed. Records are durable (fsync) before `appendDurable` resolves;
 * requests arriving while one flush is on disk share the next (group commit).
 */
export class AuditLogWriter {
  readonly #dir: string
  readonly #key: Buffer
  readonly #open = new Map<string, OpenLog>()
  readonly #writers: AuditWriterPresence
  readonly #registry: AuditClientRegistry
  #queue: Queued[] = []
  #flushing = false
  #scheduled = false
  #lazyTimer: NodeJS.Timeout | null = null

  readonly #onError: (client: string, error: unknown) => void

  /** `onError` hears of a deferred record that could not be written after all (its caller had gone on). */
  constructor(dir: string, key: Buffer, onError: (client: string, error: unknown) => void = () => {}) {
    this.#dir = dir
    this.#key = key
    this.#onError = onError
    this.#writers = new AuditWriterPresence(join(dir, '.writers'))
    this.#registry = new AuditClientRegistry(dir, key)
  }

  /**
   * Whether a record for this client can be written now: the log opens, is the one held open, and agrees with
   * its head and the registry. (Only a write proves there is room: the broker awaits `appendDurable` instead.)
   */
  isWritable(client: string): boolean {
    try {
      this.#get(client)
      return true
    } catch {
      return false
    }
  }

  /** Appends one record and flushes it to disk before returning; throws when it can't be written (the caller fails closed). */
  append(fields: AuditFields, link: AuditLink = {}): AuditRecord {
    const {log, records} = this.#writeBatch(fields.client, [{fields, link}])
    const upTo = {seq: log.seq, hash: log.hash}
    log.dirty = false
    try {
      fsyncSync(log.fd)
    } catch (error) {
      this.#retire(log)
      throw error
    }
    this.#durable(log, upTo)
    return records[0]
  }

  /**
   * Appends one record now and flushes it with the next durable record, or within LAZY_SYNC_MS: for what needs
   * no fsync of its own before the caller goes on (a refusal, an outcome after the response). Throws when it
   * can't be written. While that log's fsync runs, the record is written as soon as it ends instead: a write
   * into a page the disk is busy with can stall the whole process for milliseconds.
   */
  appendLazily(fields: AuditFields, link: AuditLink = {}): void {
    const held = this.#open.get(fields.client)
    if (held && held.busy > 0) {
      held.deferred.push({fields, link})
      return
    }
    this.#writeBatch(fields.client, [{fields, link}])
    this.#armLazySync()
  }

  #armLazySync(): void {
    if (!this.#lazyTimer) {
      this.#lazyTimer = setTimeout(() => {
        this.#lazyTimer = null
        for (const log of this.#open.values()) if (log.dirty) this.#sync(log).catch(() => {})
      }, LAZY_SYNC_MS)
      this.#lazyTimer.unref()
    }
  }

  /** Writes what waited for an fsync to end; a failure is the error callback's, the callers having moved on. */
  #writeDeferred(log: OpenLog): void {
    if (log.deferred.length === 0) return
    const entries = log.deferred.splice(0)
    try {
      this.#writeBatch(log.client, entries)
      this.#armLazySync()
    } catch (error) {
      this.#onError(log.client, error)
    }
  }

  /** Queues one record; resolves once it is on disk (fsync), rejects when it can't be written. */
  appendDurable(fields: AuditFields, link: AuditLink = {}): Promise<AuditRecord> {
    return new Promise((resolve, reject) => {
      this.#queue.push({fields, link, resolve, reject})
      this.#schedule()
    })
  }

  #schedule(): void {
    if (this.#flushing || this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => void this.#flush())
  }

  async #flush(): Promise<void> {
    this.#scheduled = false
    this.#flushing = true
    const batch = this.#queue
    this.#queue = []
    const byClient = new Map<string, Queued[]>()
    for (const item of batch) byClient.set(item.fields.client, [...(byClient.get(item.fields.client) ?? []), item])
    await Promise.all([...byClient].map(([client, items]) => this.#flushClient(client, items)))
    this.#flushing = false
    if (this.#queue.length > 0) this.#schedule()
  }

  async #flushClient(client: string, items: Queued[]): Promise<void> {
    let written: {log: OpenLog; records: AuditRecord[]}
    try {
      written = this.#writeBatch(
        client,
        items.map((item) => ({fields: item.fields, link: item.link})),
      )
    } catch (error) {
      for (const item of items) item.reject(error)
      return
    }
    try {
      await this.#sync(written.log)
    } catch (error) {
      for (const item of items) item.reject(error)
      return
    }
    items.forEach((item, index) => item.resolve(written.records[index]))
  }

  /** One fsync covering everything written to the log so far (lazily appended records too). */
  async #sync(log: OpenLog): Promise<void> {
    const upTo = {seq: log.seq, hash: log.hash}
    log.dirty = false
    log.busy++
    try {
      await new Promise<void>((resolve, reject) => fdatasync(log.fd, (error) => (error ? reject(error) : resolve())))
    } catch (error) {
      log.busy--
      this.#retire(log)
      if (log.busy === 0) this.#writeDeferred(log)
      throw error
    }
    log.busy--
    if (log.retired) this.#closeIfIdle(log)
    else this.#durable(log, upTo)
    if (log.busy === 0) this.#writeDeferred(log)
  }

  /** Writes records as one append, under the shared lock when other writers are about; not yet flushed. */
  #writeBatch(client: string, entries: ReadonlyArray<{fields: AuditFields; link: AuditLink}>): {log: OpenLog; records: AuditRecord[]} {
    const log = this.#get(client)
    // Alone, the size check below is enough; with other writers about, each append takes the shared lock.
    const unlock = this.#writers.alone() ? () => {} : lockAuditFile(join(this.#dir, `${client}.lock`))
    try {
      const size = fstatSync(log.fd).size
      if (size !== log.size) {
        // Another writer (a second broker, a launcher) appended since, or a failed write left part of a line.
        log.size = repairTail(log.fd, size)
        const last = lastRecord(log.fd, log.size)
        if ((last?.seq ?? 0) < log.seq) {
          this.#retire(log)
          throw new AuditUnavailableError(`the audit log of ${client} lost records while open (removed or cut short)`)
        }
        log.seq = last?.seq ?? 0
        log.hash = last?.hash ?? GENESIS
      }
      let {seq, hash} = log
      const records: AuditRecord[] = []
      for (const {fields, link} of entries) {
        const unsigned = {seq: seq + 1, ...redactAuditFields(fields), client, phase: link.phase ?? 'complete', completes: link.completes ?? null, prev: hash}
        const record: AuditRecord = {...unsigned, hash: hashAuditRecord(this.#key, unsigned)}
        records.push(record)
        seq = record.seq
        hash = record.hash
      }
      const bytes = Buffer.from(records.map((record) => JSON.stringify(record) + '\n').join(''))
      try {
        const written = writeSync(log.fd, bytes)
        if (written !== bytes.length) throw new AuditUnavailableError(`the audit log of ${client} was written short (disk full?)`)
      } catch (error) {
        // Take back a partial line at once, so the log ends on a whole record; if even that fails, the next
        // open cuts it (repairTail) before anything is appended.
        try {
          ftruncateSync(log.fd, log.size)
        } catch {
          // left for repairTail
        }
        this.#retire(log)
        throw error
      }
      log.size += bytes.length
      log.dirty = true
      log.seq = seq
      log.hash = hash
      return {log, records}
    } finally {
      unlock()
    }
  }

  /** After a flush: the head moves to the last durable record, and a new client's registry entry is marked started. */
  #durable(log: OpenLog, last: {seq: number; hash: string}): void {
    if (last.seq > log.durable.seq) log.durable = {seq: last.seq, hash: last.hash}
    if (last.seq > log.headSeq) {
      try {
        writeHead(log.headFd, signAuditHead(this.#key, log.client, last.seq, last.hash))
        log.headSeq = last.seq
      } catch {
        // The record is on disk; a head behind the log is allowed (verify checks the record it names).
      }
    }
    if (!log.started) {
      try {
        this.#registry.update(log.client, {started: true, seq: last.seq, hash: last.hash})
        log.started = true
      } catch {
        // tried again after the next record
      }
    }
  }

  /** Writes what is queued, then closes every open log, leaving the registry with each one's last record. */
  close(): void {
    const queued = this.#queue
    this.#queue = []
    for (const item of queued) {
      try {
        item.resolve(this.append(item.fields, item.link))
      } catch (error) {
        item.reject(error)
      }
    }
    if (this.#lazyTimer) clearTimeout(this.#lazyTimer)
    this.#lazyTimer = null
    this.#writers.leave()
    for (const log of [...this.#open.values()]) {
      try {
        if (log.deferred.length > 0) this.#writeBatch(log.client, log.deferred.splice(0))
        if (log.dirty) {
          fsyncSync(log.fd)
          this.#durable(log, {seq: log.seq, hash: log.hash})
        }
        if (log.started && log.durable.seq > 0) this.#registry.update(log.client, {started: true, ...log.durable})
      } catch {
        // the head still has it
      }
      this.#retire(log)
    }
    this.#open.clear()
  }

  #retire(log: OpenLog): void {
    if (this.#open.get(log.client) === log) this.#open.delete(log.client)
    log.retired = true
    this.#closeIfIdle(log)
  }

  #closeIfIdle(log: OpenLog): void {
    if (log.busy > 0 || log.fd < 0) return
    closeSync(log.fd)
    closeSync(log.headFd)
    log.fd = -1
  }

  #get(client: string): OpenLog {
    const path = auditLogPath(this.#dir, client)
    const held = this.#open.get(client)
    if (held) {
      let current: number | null = null
      try {
        const st = statSync(path)
        current = st.isFile() ? st.ino : null
      } catch {
        current = null
      }
      if (current === held.ino && fstatSync(held.fd).nlink > 0) return held
      this.#retire(held)
    }
    mkdirSync(this.#dir, {recursive: true, mode: 0o700})
    for (const lock of [`${client}.lock`, '.clients.lock']) removeLegacyLockFolder(join(this.#dir, lock))
    this.#writers.join()
    const refuse = (why: string): AuditUnavailableError => new AuditUnavailableError(`the audit log of ${client} ${why}; refusing to write to it (outloop audit verify)`)
    let entry = this.#registry.entry(client)
    const exists = existsSync(path)
    // Never through a link or into a device: a log pointed at /dev/zero or another file is not this client's log.
    for (const file of [path, auditHeadPath(this.#dir, client)]) if (isPresentButNotRegular(file)) throw refuse(`has ${file} that is not a regular file`)
    if (entry?.started && !exists) throw refuse('was removed')
    if (!entry) entry = this.#registry.register(client, path, refuse)
    // The head is read before the log: another process updates its head (and the registry) only after its records
    // are in the log, so a head read first is never ahead of the log read after it, however the two interleave.
    const headFile = auditHeadPath(this.#dir, client)
    const headFd = openSync(headFile, existsSync(headFile) ? 'r+' : 'w+', 0o600)
    let fd = -1
    // Under the log's lock: the tail repair below cuts an unfinished line, and another writer's append in progress
    // is one until its write returns.
    const unlock = lockAuditFile(join(this.#dir, `${client}.lock`))
    try {
      let head = readHead(headFd)
      fd = openSync(path, 'a+', 0o600)
      const size = repairTail(fd, fstatSync(fd).size)
      const last = lastRecord(fd, size)
      const lastSeq = last?.seq ?? 0
      if (head === null) {
        if (last) throw refuse('has lost its head file')
        // Written now, while the log is empty, so the head's bytes exist before the disk can fill up.
        const fresh = signAuditHead(this.#key, client, 0, GENESIS)
        writeHead(headFd, fresh)
        head = fresh
      }
      if (!isAuditHeadValid(this.#key, client, head)) throw refuse('has a head file that is damaged or not its own')
      if (entry.started && !last) throw refuse('was emptied')
      if (head.seq > lastSeq || entry.seq > lastSeq) throw refuse(`ends at record ${lastSeq} but ${Math.max(head.seq, entry.seq)} were written`)
      if (last && head.seq === lastSeq && head.hash !== last.hash) throw refuse('ends on a record its head does not name')
      const log: OpenLog = {client, fd, headFd, ino: fstatSync(fd).ino, size, seq: lastSeq, hash: last?.hash ?? GENESIS, headSeq: head.seq, durable: {seq: lastSeq, hash: last?.hash ?? GENESIS}, started: entry.started, deferred: [], dirty: false, busy: 0, retired: false}
      this.#open.set(client, log)
      return log
    } catch (error) {
      if (fd >= 0) closeSync(fd)
      closeSync(headFd)
      throw error
    } finally {
      unlock()
    }
  }
}

function readHead(fd: number): unknown {
  const buffer = Buffer.alloc(HEAD_SIZE)
  const length = readSync(fd, buffer, 0, HEAD_SIZE, 0)
  const text = buffer.subarray(0, length).toString('utf8').trim()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return {}
  }
}

function writeHead(fd: number, head: AuditHead): void {
  const line = Buffer.from(JSON.stringify(head).padEnd(HEAD_SIZE - 1) + '\n')
  if (writeSync(fd, line, 0, HEAD_SIZE, 0) !== HEAD_SIZE) throw new Error('audit head written short')
}

/**
 * Cuts a log back to its last whole line: what a write cut short by a full disk or a crash leaves is never a
 * record (no writer acknowledged it), and appending after it would glue two records into one broken line.
 */
function repairTail(fd: number, size: number): number {
  let end = size
  const chunk = Buffer.alloc(64 * 1024)
  while (end > 0) {
    const start = Math.max(0, end - chunk.length)
    const length = readSync(fd, chunk, 0, end - start, start)
    const at = chunk.subarray(0, length).lastIndexOf(0x0a)
    if (at >= 0) {
      end = start + at + 1
      break
    }
    end = start
  }
  if (end !== size) ftruncateSync(fd, end)
  return end
}

/** The last record of a log, read from its end (records are far shorter than the window). */
function lastRecord(fd: number, size: number): AuditRecord | null {
  const length = Math.min(size, 64 * 1024)
  const buffer = Buffer.alloc(length)
  readSync(fd, buffer, 0, length, size - length)
  const lines = buffer.toString('utf8').split('\n').filter((line) => line.trim() !== '')
  if (lines.length === 0) return null
  try {
    return JSON.parse(lines[lines.length - 1]) as AuditRecord
  } catch {
    return null
  }
}
