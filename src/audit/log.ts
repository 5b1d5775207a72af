import {createHmac, randomBytes} from 'node:crypto'
import {closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, statSync, unlinkSync, writeFileSync, writeSync} from 'node:fs'
import {join} from 'node:path'

import {isProcessAlive} from '../lib/process.js'

/** What happened to one request. Never headers, bodies, query strings or values. */
export interface AuditFields {
  readonly time: string
  /** The tenant from the caller's binding; `_unauthenticated` when the caller had no valid session. */
  readonly client: string
  readonly workspace: string | null
  readonly service: string | null
  readonly secret: string | null
  readonly method: string
  readonly host: string | null
  /** The path without query string. */
  readonly path: string
  readonly status: number
  readonly decision: 'allowed' | 'denied' | 'error'
  readonly reason: string
  readonly durationMs: number
}

/** A record as written: the fields, its place in the chain, and the chain hash. */
export interface AuditRecord extends AuditFields {
  readonly seq: number
  readonly prev: string
  readonly hash: string
}

/** The log of callers without a valid session: not a tenant name, since tenant names can't start with `_`. */
export const UNAUTHENTICATED_CLIENT = '_unauthenticated'

const FIELD_ORDER: ReadonlyArray<keyof AuditFields> = ['time', 'client', 'workspace', 'service', 'secret', 'method', 'host', 'path', 'status', 'decision', 'reason', 'durationMs']
const GENESIS = '0'.repeat(64)
const HEAD_SIZE = 160

/** The chain hash of a record: an HMAC over the previous hash, the sequence number and every field in a fixed order. */
export function hashAuditRecord(key: Buffer, seq: number, prev: string, fields: AuditFields): string {
  const mac = createHmac('sha256', key).update(`${prev}\n${seq}`)
  for (const name of FIELD_ORDER) mac.update('\n' + JSON.stringify(fields[name] ?? null))
  return mac.digest('hex')
}

function logPath(dir: string, client: string): string {
  return join(dir, `${client}.jsonl`)
}

function headPath(dir: string, client: string): string {
  return join(dir, `${client}.head`)
}

interface OpenLog {
  fd: number
  headFd: number
  ino: number
  size: number
  seq: number
  hash: string
}

/**
 * Per-client append-only JSONL logs, hash-chained with a keyed HMAC. A `.head` file beside each log holds the
 * last sequence number and hash, so a record cut from the end is caught too. One writer per OUTLOOP_HOME.
 */
export class AuditLogWriter {
  readonly #dir: string
  readonly #key: Buffer
  readonly #open = new Map<string, OpenLog>()

  readonly #writers: WriterRegistry

  constructor(dir: string, key: Buffer) {
    this.#dir = dir
    this.#key = key
    this.#writers = new WriterRegistry(join(dir, '.writers'))
  }

  /**
   * Whether a record for this client can be written now: the log opens, and the file on disk is still the
   * one held open (not removed or replaced). The broker asks before every upstream call and refuses if not.
   */
  isWritable(client: string): boolean {
    try {
      this.#get(client)
      return true
    } catch {
      return false
    }
  }

  /** Appends one record; throws when it can't be written (the caller fails closed). */
  append(fields: AuditFields): AuditRecord {
    const log = this.#get(fields.client)
    // Alone, the size check below is enough; with other writers about, each append takes the shared lock.
    const unlock = this.#writers.alone() ? () => {} : lockLog(join(this.#dir, `${fields.client}.lock`))
    try {
      // Another writer (a second broker, a launcher) appended since: continue the chain from its last record.
      const size = fstatSync(log.fd).size
      if (size !== log.size) {
        const last = lastRecord(log.fd, size)
        log.seq = last?.seq ?? 0
        log.hash = last?.hash ?? GENESIS
      }
      const record = this.#write(log, fields)
      log.size = size + record.bytes
      return record.record
    } finally {
      unlock()
    }
  }

  #write(log: OpenLog, fields: AuditFields): {record: AuditRecord; bytes: number} {
    const seq = log.seq + 1
    const hash = hashAuditRecord(this.#key, seq, log.hash, fields)
    const record: AuditRecord = {seq, ...fields, prev: log.hash, hash}
    const line = Buffer.from(JSON.stringify(record) + '\n')
    try {
      const written = writeSync(log.fd, line)
      if (written !== line.length) throw new Error('audit record written short')
      writeSync(log.headFd, Buffer.from(JSON.stringify({seq, hash}).padEnd(HEAD_SIZE - 1) + '\n'), 0, HEAD_SIZE, 0)
    } catch (error) {
      // Forget the open log: the next request reopens it and re-reads the chain's end, or is refused.
      this.#open.delete(fields.client)
      closeSync(log.fd)
      closeSync(log.headFd)
      throw error
    }
    log.seq = seq
    log.hash = hash
    return {record, bytes: line.length}
  }

  /** Closes every open log. */
  close(): void {
    this.#writers.leave()
    for (const log of this.#open.values()) {
      closeSync(log.fd)
      closeSync(log.headFd)
    }
    this.#open.clear()
  }

  #get(client: string): OpenLog {
    const path = logPath(this.#dir, client)
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
      this.#open.delete(client)
      closeSync(held.fd)
      closeSync(held.headFd)
    }
    mkdirSync(this.#dir, {recursive: true, mode: 0o700})
    this.#writers.join()
    const fd = openSync(path, 'a+', 0o600)
    let headFd: number
    try {
      headFd = openSync(headPath(this.#dir, client), existsSync(headPath(this.#dir, client)) ? 'r+' : 'w+', 0o600)
    } catch (error) {
      closeSync(fd)
      throw error
    }
    const st = fstatSync(fd)
    const last = lastRecord(fd, st.size)
    const log = {fd, headFd, ino: st.ino, size: st.size, seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS}
    this.#open.set(client, log)
    return log
  }
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

const pause = new Int32Array(new SharedArrayBuffer(4))

/**
 * Who else writes audit logs under this OUTLOOP_HOME (a second broker, a launcher): one file per writer,
 * named by pid. A lone writer appends without a lock, since a lock costs a tenth of a millisecond per request.
 * A writer that joins waits a few milliseconds first, so an append already under way without the lock ends.
 */
class WriterRegistry {
  readonly #dir: string
  #me: string | null = null
  #mtime = -1
  #alone = true

  constructor(dir: string) {
    this.#dir = dir
  }

  join(): void {
    if (this.#me) return
    mkdirSync(this.#dir, {recursive: true, mode: 0o700})
    this.#me = `${process.pid}-${randomBytes(4).toString('hex')}`
    writeFileSync(join(this.#dir, this.#me), '')
    Atomics.wait(pause, 0, 0, 5)
  }

  leave(): void {
    if (!this.#me) return
    try {
      unlinkSync(join(this.#dir, this.#me))
    } catch {
      // already gone
    }
    this.#me = null
  }

  alone(): boolean {
    const mtime = statSync(this.#dir).mtimeMs
    if (mtime !== this.#mtime) {
      this.#mtime = mtime
      this.#alone = readdirSync(this.#dir).every((name) => name === this.#me || !isProcessAlive(Number(name.split('-')[0])))
    }
    return this.#alone
  }
}

/**
 * A lock around one append, shared by every process writing the same log: a folder created atomically.
 * Held for microseconds, so waiting spins briefly; one left by a crashed writer is broken after a second.
 */
function lockLog(path: string): () => void {
  const deadline = Date.now() + 2000
  for (;;) {
    try {
      mkdirSync(path)
      return () => rmdirSync(path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    try {
      if (Date.now() - statSync(path).mtimeMs > 1000) rmdirSync(path)
    } catch {
      // released meanwhile
    }
    if (Date.now() > deadline) throw new Error('audit log lock not released')
    Atomics.wait(pause, 0, 0, 1)
  }
}

/** The clients that have a log, sorted. */
export function listAuditClients(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => name.slice(0, -'.jsonl'.length))
    .sort()
}

/** Every record of one client's log, in file order; lines that don't parse are skipped (verify reports them). */
export function readAuditRecords(dir: string, client: string): AuditRecord[] {
  const path = logPath(dir, client)
  if (!existsSync(path)) return []
  const records: AuditRecord[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    try {
      records.push(JSON.parse(line) as AuditRecord)
    } catch {
      // reported by verifyAuditLog
    }
  }
  return records
}

/** One break in a chain, by line number. */
export interface AuditProblem {
  readonly client: string
  readonly line: number
  readonly message: string
}

/** Re-walks one client's chain: every record's hash, its link to the one before, its sequence number, and the head. */
export function verifyAuditLog(dir: string, key: Buffer, client: string): {records: number; problems: AuditProblem[]} {
  const path = logPath(dir, client)
  const problems: AuditProblem[] = []
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  let prev = GENESIS
  let seq = 0
  let count = 0
  lines.forEach((line, index) => {
    const at = (message: string) => problems.push({client, line: index + 1, message})
    let record: AuditRecord
    try {
      record = JSON.parse(line) as AuditRecord
    } catch {
      at('not a JSON record (edited or damaged)')
      return
    }
    count++
    if (record.seq !== seq + 1) at(`sequence number ${record.seq} where ${seq + 1} was expected (a record was removed or moved)`)
    if (record.prev !== prev) at('does not link to the record before it (a record was removed, moved or edited)')
    const expected = hashAuditRecord(key, record.seq, record.prev, record)
    if (record.hash !== expected) at('its hash does not match its content (the record was edited)')
    prev = record.hash
    seq = record.seq
  })
  const head = headPath(dir, client)
  if (existsSync(head)) {
    try {
      const last = JSON.parse(readFileSync(head, 'utf8')) as {seq: number; hash: string}
      if (last.seq !== seq || last.hash !== prev) problems.push({client, line: lines.length, message: `the log ends at record ${seq} but ${last.seq} were written (records were removed from the end)`})
    } catch {
      problems.push({client, line: lines.length, message: 'the head file is damaged'})
    }
  } else if (count > 0) problems.push({client, line: lines.length, message: 'the head file is missing'})
  return {records: count, problems}
}
