import {existsSync, lstatSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {GENESIS, hashAuditRecord, isAuditHeadValid, isAuditRegistryValid, recordShapeProblems, type AuditRecord, type AuditRegistry} from './chain.js'
import {AUDIT_REGISTRY_FILE, listAuditLogFiles} from './files.js'

/** One break in a chain, by file and line number (0: the file as a whole). */
export interface AuditProblem {
  readonly client: string
  /** The file it is in, inside the audit folder. */
  readonly file: string
  readonly line: number
  readonly message: string
}

/** Checks the registry of clients: present wherever a log is, and signed with this key; null registry when it can't be trusted. */
export function verifyAuditRegistry(dir: string, key: Buffer): {registry: AuditRegistry | null; problems: AuditProblem[]} {
  const path = join(dir, AUDIT_REGISTRY_FILE)
  const problem = (message: string): AuditProblem => ({client: '(registry)', file: AUDIT_REGISTRY_FILE, line: 0, message})
  if (!existsSync(path)) return {registry: null, problems: listAuditLogFiles(dir).length > 0 ? [problem('the registry of clients is missing (removed), so a removed log would go unnoticed')] : []}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    parsed = null
  }
  if (!isAuditRegistryValid(key, parsed)) return {registry: null, problems: [problem('the registry of clients is damaged or was not written with this chain key (replaced)')]}
  return {registry: parsed, problems: []}
}

/**
 * Re-walks one client's chain: every record's exact fields, its client, hash, link and sequence number; then
 * its keyed head and its registry entry, so a log removed, emptied, cut short or swapped is a problem. An
 * unfinished last line (a write cut short by a full disk) is a note, not a problem: no acknowledged record
 * was in it. With `registry` given (already checked, or null when it can't be trusted), its problems are the
 * caller's; without, they are reported here.
 */
export function verifyAuditLog(dir: string, key: Buffer, client: string, options: {registry?: AuditRegistry | null} = {}): {records: number; problems: AuditProblem[]; notes?: string[]} {
  const file = `${client}.jsonl`
  const headFile = `${client}.head`
  const problems: AuditProblem[] = []
  const notes: string[] = []
  let registry = options.registry
  if (registry === undefined) {
    const checked = verifyAuditRegistry(dir, key)
    problems.push(...checked.problems)
    registry = checked.registry
  }
  const path = join(dir, file)
  const exists = existsSync(path)
  const regular = !exists || lstatSync(path).isFile()
  if (!regular) problems.push({client, file, line: 0, message: 'the log is not a regular file (a link, a folder or a device put in its place)'})
  const text = exists && regular ? readFileSync(path, 'utf8') : ''
  const lines = text.split('\n')
  const tail = lines.pop() ?? ''
  if (tail !== '') notes.push(`${file}: the last line is unfinished (a write cut short, e.g. by a full disk); it was never a record`)

  let prev = GENESIS
  let seq = 0
  let count = 0
  const hashes = new Map<number, string>()
  const open = new Set<number>()
  lines.forEach((line, index) => {
    const at = (message: string) => problems.push({client, file, line: index + 1, message})
    let record: AuditRecord
    try {
      record = JSON.parse(line) as AuditRecord
    } catch {
      at('not a JSON record (edited or damaged)')
      return
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      at('not a JSON record (edited or damaged)')
      return
    }
    count++
    for (const message of recordShapeProblems(record as unknown as Record<string, unknown>)) at(message)
    if (record.client !== client) at(`a record of ${JSON.stringify(String(record.client).slice(0, 64))} in the log of ${client} (logs swapped or moved)`)
    if (record.seq !== seq + 1) at(`sequence number ${record.seq} where ${seq + 1} was expected (a record was removed or moved)`)
    if (record.prev !== prev) at('does not link to the record before it (a record was removed, moved or edited)')
    if (record.hash !== hashAuditRecord(key, record)) at('its hash does not match its content (the record was edited)')
    if (record.phase === 'pending') open.add(record.seq)
    else if (record.completes !== null && record.completes !== undefined) {
      if (!open.delete(record.completes)) at(`completes record ${record.completes}, which is no pending record before it`)
    }
    hashes.set(record.seq, record.hash)
    prev = record.hash
    seq = record.seq
  })

  const endsAt = (written: number, what: string) => problems.push({client, file, line: lines.length, message: `the log ends at record ${seq} but ${what} says ${written} were written (records were removed from the end)`})
  const headPath = join(dir, headFile)
  const entry = registry?.clients[client]
  if (existsSync(headPath) && !lstatSync(headPath).isFile()) problems.push({client, file: headFile, line: 0, message: 'the head is not a regular file'})
  else if (existsSync(headPath)) {
    let head: unknown
    try {
      head = JSON.parse(readFileSync(headPath, 'utf8'))
    } catch {
      head = null
    }
    if (!isAuditHeadValid(key, client, head)) problems.push({client, file: headFile, line: 0, message: 'the head is damaged, not written with this chain key, or another client’s'})
    // A head may lag its log by the records of an interrupted flush; it must never be ahead of it.
    else if (head.seq > seq) endsAt(head.seq, 'its head')
    else if (head.seq > 0 && hashes.get(head.seq) !== head.hash) problems.push({client, file: headFile, line: 0, message: `the head names a record ${head.seq} the log does not hold (replaced)`})
  } else if (count > 0 || entry?.started) problems.push({client, file: headFile, line: 0, message: 'the head file is missing (removed)'})

  if (registry) {
    if (!entry) {
      if (count > 0 || exists) problems.push({client, file, line: 0, message: 'this log is not in the registry of clients (added, or the registry was replaced)'})
    } else if (entry.started && !exists) problems.push({client, file, line: 0, message: 'the log was removed (the registry of clients lists it)'})
    else if (entry.started && count === 0) problems.push({client, file, line: 0, message: 'the log was emptied (the registry of clients lists records)'})
    else if (entry.seq > seq) endsAt(entry.seq, 'the registry of clients')
    else if (entry.seq > 0 && hashes.get(entry.seq) !== entry.hash) problems.push({client, file, line: 0, message: `record ${entry.seq} is not the one the registry of clients names (replaced)`})
  }
  return notes.length > 0 ? {records: count, problems, notes} : {records: count, problems}
}
