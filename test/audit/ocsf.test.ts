import {describe, expect, it} from 'vitest'

import type {AuditRecord} from '../../src/audit/chain.js'
import {auditRecordToOcsf} from '../../src/audit/ocsf.js'

const record = (over: Partial<AuditRecord>): AuditRecord => ({
  seq: 7,
  time: '2026-12-01T10:00:00.000Z',
  client: 'acme',
  workspace: '/w/acme',
  service: 'openai',
  secret: 'openai-api-key',
  method: 'GET',
  host: 'api.openai.com',
  path: '/v1/models',
  status: 200,
  decision: 'allowed',
  reason: 'allowed',
  durationMs: 3.4,
  phase: 'complete',
  completes: null,
  prev: '0'.repeat(64),
  hash: 'f'.repeat(64),
  ...over,
})
const source = {productVersion: '0.1.0', hostname: 'agency-laptop'}

describe('auditRecordToOcsf', () => {
  it('maps a blind tunnel to activity Other with its byte counts, and a pending decision to status Unknown', () => {
    const tunnel = auditRecordToOcsf(record({method: 'CONNECT', service: null, secret: null, host: 'example.org:443', path: '', bytes: {sent: 10, received: 20}, reason: 'tunnel'}), source)
    expect(tunnel).toMatchObject({activity_id: 99, activity_name: 'Other', type_uid: 600399, dst_endpoint: {hostname: 'example.org:443'}, unmapped: {bytes: {sent: 10, received: 20}}})
    expect(tunnel.api).toEqual({operation: 'CONNECT example.org:443'})
    const pending = auditRecordToOcsf(record({phase: 'pending', status: 0, durationMs: 0}), source)
    expect(pending).toMatchObject({status_id: 0, status: 'Unknown', metadata: {uid: 'acme:7', correlation_uid: 'acme:7'}})
    expect(pending).not.toHaveProperty('http_response')
    expect(pending).not.toHaveProperty('status_code')
  })

  it('names the caller without a session, an error, and an upstream that answered with a failure', () => {
    const stranger = auditRecordToOcsf(record({client: '_unauthenticated', workspace: null, service: null, secret: null, host: null, status: 0, decision: 'denied', reason: 'no-session'}), source)
    expect(stranger).toMatchObject({actor: {app_name: 'caller without a session'}, severity_id: 3, status_id: 2, metadata: {tenant_uid: '_unauthenticated'}, src_endpoint: {hostname: 'agency-laptop'}})
    expect(stranger).not.toHaveProperty('dst_endpoint')
    expect(auditRecordToOcsf(record({decision: 'error', status: 502, reason: 'upstream-unreachable'}), source)).toMatchObject({severity_id: 2, status_id: 2, status_code: '502'})
    expect(auditRecordToOcsf(record({status: 429}), source)).toMatchObject({severity_id: 1, status_id: 2, http_response: {code: 429}})
    expect(auditRecordToOcsf(record({completes: 6}), source).metadata).toMatchObject({uid: 'acme:7', correlation_uid: 'acme:6', product: {version: '0.1.0'}})
  })
})
