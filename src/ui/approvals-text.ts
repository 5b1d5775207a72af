import type {PendingApproval} from '../broker/approvals.js'
import {escapeControlChars} from '../lib/display.js'

/** One held request in a line: id, client, what it asks, and how long it has left. Everything in it came from a request, so it is escaped. */
export function describeApproval(entry: PendingApproval, now = Date.now()): string {
  const left = Math.max(0, Math.round((Date.parse(entry.expiresAt) - now) / 1000))
  const where = entry.host ? ` (${entry.host})` : ''
  return escapeControlChars(`${entry.id}  ${entry.tenant}: ${entry.method} ${entry.service} ${entry.path}${where} with ${entry.secret}, ${left}s left`)
}
