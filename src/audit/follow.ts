import {closeSync, fstatSync, openSync, readSync} from 'node:fs'

import type {AuditRecord} from './chain.js'
import {auditLogPath} from './files.js'
import {parseAuditLines} from './reader.js'
import {listAuditClients} from './registry.js'

interface Position {
  ino: number
  /** Bytes read up to the end of the last whole line. */
  offset: number
}

/** What one read of the logs found: records in the order they were appended per client, and logs that shrank or were replaced. */
export interface AuditAppends {
  readonly records: AuditRecord[]
  readonly problems: string[]
}

/**
 * Reads the per-client logs incrementally, as `tail -f` would: each call returns the whole lines appended since
 * the last one (an unfinished last line waits for its newline), for every client or one. A client whose log
 * appears later is read from its start. A log that got shorter or was replaced is reported and followed from
 * its new end: append-only logs don't do that unless someone edited them (`outloop audit verify` says how).
 */
export class AuditLogFollower {
  readonly #dir: string
  readonly #tenant: string | undefined
  readonly #positions = new Map<string, Position>()

  constructor(dir: string, tenant?: string) {
    this.#dir = dir
    this.#tenant = tenant
  }

  /** Every record there is now (the starting point), and from then on only what is appended. */
  read(): AuditAppends {
    const records: AuditRecord[] = []
    const problems: string[] = []
    for (const client of this.#tenant === undefined ? listAuditClients(this.#dir) : [this.#tenant]) {
      const path = auditLogPath(this.#dir, client)
      let fd: number
      try {
        fd = openSync(path, 'r')
      } catch {
        continue // no log (yet): a client with only a head, or a tenant that never made a request
      }
      try {
        const stat = fstatSync(fd)
        if (!stat.isFile()) continue
        const known = this.#positions.get(client)
        let offset = known?.offset ?? 0
        if (known !== undefined && (known.ino !== stat.ino || stat.size < known.offset)) {
          problems.push(`The audit log ${path} got shorter or was replaced: following it from its current end (outloop audit verify checks it).`)
          this.#positions.set(client, {ino: stat.ino, offset: stat.size})
          continue
        }
        if (stat.size > offset) {
          const chunk = Buffer.alloc(stat.size - offset)
          const got = readSync(fd, chunk, 0, chunk.length, offset)
          const whole = chunk.subarray(0, got).lastIndexOf(0x0a) + 1
          records.push(...parseAuditLines(chunk.subarray(0, whole).toString('utf8'), client))
          offset += whole
        }
        this.#positions.set(client, {ino: stat.ino, offset})
      } finally {
        closeSync(fd)
      }
    }
    return {records, problems}
  }
}
