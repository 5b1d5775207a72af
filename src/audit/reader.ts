import {existsSync, readFileSync} from 'node:fs'

import type {AuditRecord} from './chain.js'
import {auditLogPath, isPresentButNotRegular} from './files.js'

/** Every record of one client's log in file order: lines that don't parse, and records of another client, are skipped (verify reports them). */
export function readAuditChain(dir: string, client: string): AuditRecord[] {
  const path = auditLogPath(dir, client)
  if (!existsSync(path) || isPresentButNotRegular(path)) return []
  return parseAuditLines(readFileSync(path, 'utf8'), client)
}

/** The records of whole log lines: a line that doesn't parse, or names another client, is skipped here and reported by verify. */
export function parseAuditLines(text: string, client: string): AuditRecord[] {
  const records: AuditRecord[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    try {
      const record = JSON.parse(line) as AuditRecord
      if (record && record.client === client) records.push(record)
    } catch {
      // reported by verifyAuditLog
    }
  }
  return records
}

/**
 * One record per request of a client's log, in request order: a pending record is shown as the record that
 * completed it; one never completed (the broker stopped mid-request, or it is still streaming) stays pending.
 */
export function readAuditRecords(dir: string, client: string): AuditRecord[] {
  const chain = readAuditChain(dir, client)
  const pending = new Set(chain.filter((record) => record.phase === 'pending').map((record) => record.seq))
  const completion = new Map<number, AuditRecord>()
  for (const record of chain) if (record.phase === 'complete' && typeof record.completes === 'number' && pending.has(record.completes)) completion.set(record.completes, record)
  return chain.flatMap((record) => {
    if (record.phase === 'pending') return [completion.get(record.seq) ?? record]
    return typeof record.completes === 'number' && completion.get(record.completes) === record ? [] : [record]
  })
}
