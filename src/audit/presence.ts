import {randomBytes} from 'node:crypto'
import {mkdirSync, readdirSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {isProcessAlive} from '../lib/process.js'

const pause = new Int32Array(new SharedArrayBuffer(4))

/**
 * Who else writes audit logs under this OUTLOOP_HOME (a second broker, a launcher): one file per writer,
 * named by pid. A lone writer appends without a lock, since a lock costs a tenth of a millisecond per request.
 * A writer that joins waits a few milliseconds first, so an append already under way without the lock ends.
 */
export class AuditWriterPresence {
  readonly #dir: string
  #me: string | null = null
  #mtime = -1
  #alone = true

  constructor(dir: string) {
    this.#dir = dir
  }

  /** Announces this writer (once); from then on other writers take the lock for every append. */
  join(): void {
    if (this.#me) return
    mkdirSync(this.#dir, {recursive: true, mode: 0o700})
    this.#me = `${process.pid}-${randomBytes(4).toString('hex')}`
    writeFileSync(join(this.#dir, this.#me), '')
    Atomics.wait(pause, 0, 0, 5)
  }

  /** Takes this writer's announcement back. */
  leave(): void {
    if (!this.#me) return
    try {
      unlinkSync(join(this.#dir, this.#me))
    } catch {
      // already gone
    }
    this.#me = null
  }

  /** Whether no other live process has announced itself; read again only when the folder changed. */
  alone(): boolean {
    const mtime = statSync(this.#dir).mtimeMs
    if (mtime !== this.#mtime) {
      this.#mtime = mtime
      this.#alone = readdirSync(this.#dir).every((name) => name === this.#me || !isProcessAlive(Number(name.split('-')[0])))
    }
    return this.#alone
  }
}
