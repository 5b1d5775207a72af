import {existsSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {writeFileAtomic} from '../vault/fs-safe.js'
import {GENESIS, isAuditRegistryValid, signAuditRegistry, type AuditClientEntry, type AuditRegistry} from './chain.js'
import {auditRegistryPath, AuditUnavailableError, listAuditLogFiles, lockAuditFile} from './files.js'

/**
 * The keyed registry of every client that ever had a log under one audit folder, as the writers keep it: read
 * and checked against the chain key, and changed only under a lock every writing process shares, never moving a
 * client's recorded position backwards.
 */
export class AuditClientRegistry {
  readonly #dir: string
  readonly #key: Buffer

  constructor(dir: string, key: Buffer) {
    this.#dir = dir
    this.#key = key
  }

  /** A client's entry, or undefined for a client never registered; throws when the registry can't be trusted. */
  entry(client: string): AuditClientEntry | undefined {
    return this.#read(false).clients[client]
  }

  /**
   * The entry of a client this writer has not seen registered: read again under the lock (another writer may have
   * registered it and begun its log since), else registered now, unless its log already holds records.
   */
  register(client: string, logPath: string, refuse: (why: string) => AuditUnavailableError): AuditClientEntry {
    return this.#underLock(() => {
      const current = this.#read(true).clients[client]
      if (current) return current
      if (existsSync(logPath) && statSync(logPath).size > 0) throw refuse('is not in the registry of clients')
      return this.#write(client, {started: false, seq: 0, hash: GENESIS})
    })
  }

  /** Sets one client's entry, never moving its recorded position backwards. */
  update(client: string, entry: AuditClientEntry): AuditClientEntry {
    return this.#underLock(() => this.#write(client, entry))
  }

  #read(locked: boolean): AuditRegistry {
    let text: string
    try {
      text = readFileSync(auditRegistryPath(this.#dir), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      // No registry yet is fine only where no log was ever written. Another writer may be creating both right now
      // (registry first, then its log): asked again under the lock, the answer is settled.
      if (listAuditLogFiles(this.#dir).length > 0) {
        if (!locked) return this.#underLock(() => this.#read(true))
        throw new AuditUnavailableError('the registry of audit clients is missing; refusing to write (outloop audit verify)')
      }
      return signAuditRegistry(this.#key, {})
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
    if (!isAuditRegistryValid(this.#key, parsed)) throw new AuditUnavailableError('the registry of audit clients is damaged or was not written with this chain key; refusing to write')
    return parsed
  }

  #underLock<T>(run: () => T): T {
    const unlock = lockAuditFile(join(this.#dir, '.clients.lock'))
    try {
      return run()
    } finally {
      unlock()
    }
  }

  /** The registry write itself: only under the lock. */
  #write(client: string, entry: AuditClientEntry): AuditClientEntry {
    const current = this.#read(true)
    const was = current.clients[client]
    const next = was && was.seq > entry.seq ? {...entry, seq: was.seq, hash: was.hash, started: was.started || entry.started} : {...entry, started: (was?.started ?? false) || entry.started}
    if (was && was.started === next.started && was.seq === next.seq && was.hash === next.hash) return was
    writeFileAtomic(auditRegistryPath(this.#dir), JSON.stringify(signAuditRegistry(this.#key, {...current.clients, [client]: next}), null, 2) + '\n')
    return next
  }
}

/** The registry as written, unchecked (listing needs no key; `verifyAuditRegistry` checks it); null when absent or unreadable. */
export function readAuditRegistryUnchecked(dir: string): AuditRegistry | null {
  try {
    const parsed = JSON.parse(readFileSync(auditRegistryPath(dir), 'utf8')) as AuditRegistry
    return parsed && typeof parsed.clients === 'object' && parsed.clients !== null ? parsed : null
  } catch {
    return null
  }
}

/** Every client that has a log, a head or a registry entry, sorted. */
export function listAuditClients(dir: string): string[] {
  const registered = Object.keys(readAuditRegistryUnchecked(dir)?.clients ?? {})
  return [...new Set([...registered, ...listAuditLogFiles(dir)])].sort()
}
