import type {PendingApproval} from '../broker/approvals.js'
import {escapeControlChars} from '../lib/display.js'

/** One held request in a line: id, client, what it asks, and how long it has left. Everything in it came from a request, so it is escaped. */
export function describeApproval(entry: PendingApproval, now = Date.now()): string {
  const left = Math.max(0, Math.round((Date.parse(entry.expiresAt) - now) / 1000))
  const where = entry.host ? ` (${entry.host})` : ''
  const path = entry.path.length > 200 ? `${entry.path.slice(0, 200)}…` : entry.path
  const query = entry.query?.length ? ` ?${entry.query.join('&')}` : ''
  const body = entry.bodyBytes ? `, ${entry.bodyBytes} bytes of body` : ''
  return escapeControlChars(`${entry.id}  ${entry.tenant}: ${entry.method} ${entry.service} ${path}${query}${where} with ${entry.secret}${body}, ${left}s left`)
}
