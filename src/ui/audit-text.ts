import {hostname} from 'node:os'

import type {AuditRecord} from '../audit/chain.js'
import {auditRecordToOcsf} from '../audit/ocsf.js'
import {escapeControlChars} from '../lib/display.js'

/** The ways `outloop audit` and `audit tail` print records. */
export type AuditRecordFormat = 'text' | 'jsonl' | 'ocsf'

/** One record as a line of the given format: aligned text for people, the log's own JSON line, or an OCSF event. */
export function renderAuditRecordLine(record: AuditRecord, format: AuditRecordFormat, productVersion: string): string {
  if (format === 'jsonl') return JSON.stringify(record)
  if (format === 'ocsf') return JSON.stringify(auditRecordToOcsf(record, {productVersion, hostname: hostname()}))
  // A path is what an agent asked for: never hand its bytes to the terminal raw.
  return escapeControlChars(
    [record.time, record.client, record.decision.padEnd(7), record.phase === 'pending' ? 'pending' : String(record.status), record.method, `${record.service ?? '-'}${record.path}`, record.secret ?? '-', record.reason, `${record.durationMs}ms`, record.workspace ?? '-'].join('  '),
  )
}
