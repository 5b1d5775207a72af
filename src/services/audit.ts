import {existsSync} from 'node:fs'
import {setTimeout as sleep} from 'node:timers/promises'

import {AuditLogFollower} from '../audit/follow.js'
import {UNAUTHENTICATED_CLIENT, type AuditRecord} from '../audit/chain.js'
import {auditRegistryPath} from '../audit/files.js'
import {readAuditRecords} from '../audit/reader.js'
import {listAuditClients} from '../audit/registry.js'
import {verifyAuditLog, verifyAuditRegistry, type AuditProblem} from '../audit/verify.js'
import {brokerPaths, loadOrCreateKeyFile} from '../broker/files.js'
import {UserError} from '../lib/errors.js'
import {isValidSecretName} from '../vault/ref.js'

/** Parses `30s`, `15m`, `1h`, `7d` into milliseconds, or throws a UserError with the expected shape. */
export function parseAuditDuration(text: string): number {
  const match = /^(\d+)\s*(s|m|h|d|w)$/.exec(text.trim())
  if (!match) throw new UserError('--since takes a duration such as 30m, 1h, 7d.', 'Units: s, m, h, d, w.')
  return Number(match[1]) * {s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000}[match[2] as 's']
}

/** A client whose log can be named: a tenant name or the unauthenticated log, never a path out of the audit folder. */
export function assertAuditClient(tenant: string | undefined): void {
  if (tenant === undefined || tenant === UNAUTHENTICATED_CLIENT || isValidSecretName(tenant)) return
  throw new UserError(`--tenant: "${tenant}" is not a client name.`, `A client name is lower-case letters, digits, ".", "_" or "-" (or ${UNAUTHENTICATED_CLIENT}).`)
}

/** Records of one client (or all), newest last, optionally only those since a moment. */
export function listAuditRecords(options: {home: string; tenant?: string; sinceMs?: number; now?: number}): AuditRecord[] {
  assertAuditClient(options.tenant)
  const dir = brokerPaths(options.home).auditDir
  const clients = options.tenant ? [options.tenant] : listAuditClients(dir)
  const from = options.sinceMs === undefined ? -Infinity : (options.now ?? Date.now()) - options.sinceMs
  return clients
    .flatMap((client) => readAuditRecords(dir, client))
    .filter((record) => Date.parse(record.time) >= from)
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
}

/**
 * Re-walks the chains of one client's log (or all, and every client the registry lists): edited, removed,
 * reordered, swapped and cut-short records are problems; an unfinished last line left by a full disk is a note.
 */
export function verifyAuditLogs(options: {home: string; tenant?: string}): {clients: Array<{client: string; records: number}>; problems: AuditProblem[]; notes: string[]} {
  const paths = brokerPaths(options.home)
  const clients = options.tenant ? [options.tenant] : listAuditClients(paths.auditDir)
  if (!existsSync(paths.auditKey)) {
    if (clients.length > 0 || existsSync(auditRegistryPath(paths.auditDir))) throw new UserError(`The audit chain key ${paths.auditKey} is missing, so the logs can't be checked.`, 'Restore it from a backup of OUTLOOP_HOME.')
    return {clients: [], problems: [], notes: []}
  }
  const key = loadOrCreateKeyFile(paths.auditKey, paths.auditDir)
  const {registry, problems} = verifyAuditRegistry(paths.auditDir, key)
  const out: Array<{client: string; records: number}> = []
  const notes: string[] = []
  for (const client of clients) {
    const result = verifyAuditLog(paths.auditDir, key, client, {registry})
    out.push({client, records: result.records})
    problems.push(...result.problems)
    notes.push(...(result.notes ?? []))
  }
  return {clients: out, problems, notes}
}

export interface TailAuditOptions {
  readonly home: string
  readonly tenant?: string
  /** How many of the latest records to print first (across the clients followed, by time). */
  readonly lines: number
  /** Keep reading: every record appended from then on, until `signal` aborts. */
  readonly follow: boolean
  readonly signal?: AbortSignal
  readonly pollMs?: number
  /** Records as they were appended: an allowed request is its pending decision, then the outcome completing it. */
  readonly onRecord: (record: AuditRecord) => void
  readonly onProblem: (message: string) => void
}

const TAIL_POLL_MS = 200

/**
 * The latest records, then (follow) each record as a broker or launcher appends it, polling the logs: what
 * ships an audit trail off the machine as it is written, beyond the reach of whoever can later edit the folder.
 */
export async function tailAuditLog(options: TailAuditOptions): Promise<void> {
  assertAuditClient(options.tenant)
  const follower = new AuditLogFollower(brokerPaths(options.home).auditDir, options.tenant)
  const first = follower.read()
  first.problems.forEach(options.onProblem)
  const latest = first.records.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
  for (const record of options.lines === 0 ? [] : latest.slice(-options.lines)) options.onRecord(record)
  while (options.follow && !options.signal?.aborted) {
    try {
      await sleep(options.pollMs ?? TAIL_POLL_MS, undefined, {signal: options.signal})
    } catch {
      return // aborted: the caller stops following
    }
    const next = follower.read()
    next.problems.forEach(options.onProblem)
    next.records.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)).forEach(options.onRecord)
  }
}
