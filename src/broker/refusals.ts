import {STATUS_CODES, type ServerResponse} from 'node:http'
import type {Duplex} from 'node:stream'

import type {AuditFields} from '../audit/chain.js'

/** How a request ended, as the audit record and the agent are told. */
export interface Outcome {
  status: number
  decision: AuditFields['decision']
  reason: string
}

export function denyBody(outcome: Outcome): string {
  return JSON.stringify({error: {type: 'outloop_denied', status: outcome.status, reason: outcome.reason, message: DENY_MESSAGES[outcome.reason] ?? 'Refused by the outloop broker.'}})
}

export function deny(res: ServerResponse, outcome: Outcome, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) return
  const body = denyBody(outcome)
  res.writeHead(outcome.status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extraHeaders}).end(body)
}

/** The same refusal written straight to a socket Node's HTTP layer has let go of (a parse error, a CONNECT, an upgrade). */
export function denyOnSocket(socket: Duplex & {bytesWritten?: number}, outcome: Outcome, extraHeaders: Record<string, string> = {}): void {
  socket.on('error', () => socket.destroy())
  // As Node does: an answer only on a socket nothing was written to yet, never in the middle of another response.
  if (!socket.writable || (socket.bytesWritten ?? 0) > 0) return void socket.destroy()
  const body = denyBody(outcome)
  const extra = Object.entries(extraHeaders).map(([name, value]) => `${name}: ${value}\r\n`).join('')
  socket.end(`HTTP/1.1 ${outcome.status} ${STATUS_CODES[outcome.status] ?? 'Error'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}connection: close\r\n\r\n${body}`)
}

export const DENY_MESSAGES: Record<string, string> = {
  'missing-token': 'No outloop session: start the agent with outloop run, or send its session token.',
  'invalid-token': 'The outloop session token is not valid.',
  'expired-token': 'The outloop session has expired: start the agent again with outloop run.',
  'revoked-token': 'The outloop session was revoked.',
  'launcher-gone': 'The outloop run that started this session has ended, and the session with it.',
  'unbound-workspace': 'The folder of this session is no longer connected (outloop connect).',
  'stale-token': 'The folder of this session was connected again after the session started: start the agent again with outloop run.',
  'tenant-mismatch': "The request names another client's secret: this session may only use its own client's secrets.",
  'absolute-uri': 'The broker accepts only paths (/service/...) here; as a proxy it takes http:// URLs with Proxy-Authorization, and https through CONNECT.',
  'bad-request': 'The request is not valid HTTP/1.1.',
  'bad-connect': 'A CONNECT must name host:port.',
  'headers-too-large': "The request's headers are over the broker's limit.",
  'request-timeout': 'The request did not arrive in time.',
  'bad-path': 'The path has encoded or dot segments the broker does not forward.',
  'bad-encoding': 'The request is percent-encoded more deeply than the broker checks.',
  'audit-unavailable': "The audit log can't be written, so the broker refuses to forward requests.",
  'request-too-large': "The request body is over the broker's limit (outloop serve --max-request-mb).",
  'upstream-error': "The broker could not reach the service's upstream (connection, DNS or TLS failure).",
  'upstream-timeout': 'The service upstream did not answer in time (outloop serve --timeout).',
  'upstream-ca-unreadable': "The CA file the policy names for this service can't be read.",
  'unknown-service': 'The policy names no such service.',
  'no-client-policy': 'The policy grants this client nothing.',
  'secret-not-allowed': 'The policy does not grant this client that secret.',
  'service-not-allowed': 'The policy does not grant this client that service.',
  'method-not-allowed': 'The policy does not grant this client that method here.',
  'path-not-allowed': 'The policy does not grant this client that path.',
  'egress-denied': "The policy refuses this client's agents any host no service of the policy answers for (egress: deny).",
  'loopback-target': 'The proxy opens no tunnel to this machine itself: reach local services directly.',
  'proxy-unavailable': "The broker's local CA can't be used, so it intercepts nothing.",
  'rate-limited': "This client's budget for the service is spent: retry after the seconds in Retry-After.",
  'approval-denied': 'A person declined this request (outloop approvals).',
  'approval-timeout': 'This request needs a person\'s approval and none came in time (outloop approvals).',
  'broker-stopping': 'The broker stopped while this request waited for approval.',
  'approvals-queue-full': 'This session already has requests waiting for approval: wait for their answers first.',
}
