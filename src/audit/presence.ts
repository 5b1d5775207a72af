import {randomBytes} from 'node:crypto'
import {mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, watch, writeFileSync, type FSWatcher} from 'node:fs'
import {join} from 'node:path'

import {isProcessAlive} from '../lib/process.js'

const pause = new Int32Array(new SharedArrayBuffer(4))
/** How long a joining writer waits for the others to say they have seen it, before going on regardless. */
const ACK_TIMEOUT_MS = 2000
/** A writer looks at the folder again at least this often, whatever its mtime says (coarse clocks, missed events). */
const RECHECK_MS = 1000

/**
 * Who else writes audit logs under this OUTLOOP_HOME (a second broker, a launcher): one file per writer, named by
 * pid. A lone writer appends without a lock, since a lock costs a tenth of a millisecond per request.
 *
 * A writer that joins must not read or write a log while a lone writer may be in the middle of an unlocked
 * append. So each writer acknowledges every writer it has seen by listing it in its own file, and does so only
 * between appends (an append is synchronous: when a writer's code runs at all, no append of its own is half
 * done): at its next append's check, or from a folder watch when it is idle. The newcomer waits until every other
 * live writer lists it; from then on those writers take the lock for every append.
 */
export class AuditWriterPresence {
  readonly #dir: string
  #me: string | null = null
  #mtime = -1
  #lookedAt = 0
  #alone = true
  /** The other writers this one has acknowledged, as written in its file. */
  #acknowledged = ''
  #watcher: FSWatcher | null = null

  constructor(dir: string) {
    this.#dir = dir
  }

  /** Announces this writer (once) and waits until the others have seen it; from then on they take the lock for every append. */
  join(): void {
    if (this.#me) return
    mkdirSync(this.#dir, {recursive: true, mode: 0o700})
    this.#me = `${process.pid}-${randomBytes(4).toString('hex')}`
    writeFileSync(join(this.#dir, this.#me), '')
    this.#watch()
    this.#mtime = -1
    this.alone()
    this.#awaitAcknowledgements()
  }

  /** Takes this writer's announcement back. */
  leave(): void {
    this.#watcher?.close()
    this.#watcher = null
    if (!this.#me) return
    try {
      unlinkSync(join(this.#dir, this.#me))
    } catch {
      // already gone
    }
    this.#me = null
  }

  /**
   * Whether no other live process has announced itself; the folder is read again when it changed (or a second
   * has passed). Writers seen for the first time are acknowledged before this returns.
   */
  alone(): boolean {
    const mtime = statSync(this.#dir).mtimeMs
    const now = Date.now()
    if (mtime !== this.#mtime || now - this.#lookedAt >= RECHECK_MS) {
      this.#mtime = mtime
      this.#lookedAt = now
      const others = this.#liveOthers()
      this.#alone = others.length === 0
      this.#acknowledge(others)
    }
    return this.#alone
  }

  /** Live writers other than this one, by file name. */
  #liveOthers(): string[] {
    return readdirSync(this.#dir).filter((name) => name !== this.#me && isProcessAlive(Number(name.split('-')[0])))
  }

  #acknowledge(others: readonly string[]): void {
    if (!this.#me) return
    const listed = others.join('\n')
    if (listed === this.#acknowledged) return
    try {
      writeFileSync(join(this.#dir, this.#me), listed)
      this.#acknowledged = listed
    } catch {
      // tried again at the next look
    }
  }

  /** An idle writer hears of a newcomer through the folder and acknowledges it from its event loop. */
  #watch(): void {
    try {
      this.#watcher = watch(this.#dir, {persistent: false}, () => {
        this.#mtime = -1
        try {
          this.alone()
        } catch {
          // the folder went away; the next append says so
        }
      })
      this.#watcher.on('error', () => {})
    } catch {
      // no watch here: writers still acknowledge at their next append
    }
  }

  /**
   * Waits until every other live writer lists this one (or has gone), at most ACK_TIMEOUT_MS. Writers in this
   * process are not waited for: while this code runs, none of theirs can be half way through an append.
   */
  #awaitAcknowledgements(): void {
    const me = this.#me
    if (!me) return
    const deadline = Date.now() + ACK_TIMEOUT_MS
    let waiting = this.#liveOthers().filter((name) => Number(name.split('-')[0]) !== process.pid)
    while (waiting.length > 0 && Date.now() < deadline) {
      waiting = waiting.filter((name) => {
        if (!isProcessAlive(Number(name.split('-')[0]))) return false
        try {
          return !readFileSync(join(this.#dir, name), 'utf8').split('\n').includes(me)
        } catch {
          return false // it left
        }
      })
      if (waiting.length > 0) Atomics.wait(pause, 0, 0, 1)
    }
  }
}
