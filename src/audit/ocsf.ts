import type {AuditRecord} from './chain.js'

/** The OCSF schema version the events follow (metadata.version). */
export const OCSF_VERSION = '1.3.0'
/** Application Activity / API Activity. */
const CATEGORY_UID = 6
const CLASS_UID = 6003

/** activity_id by HTTP method: what the call did to the provider's resources, as far as the method says. */
const ACTIVITY: Record<string, {id: number; name: string}> = {
  POST: {id: 1, name: 'Create'},
  GET: {id: 2, name: 'Read'},
  HEAD: {id: 2, name: 'Read'},
  OPTIONS: {id: 2, name: 'Read'},
  PUT: {id: 3, name: 'Update'},
  PATCH: {id: 3, name: 'Update'},
  DELETE: {id: 4, name: 'Delete'},
}
const OTHER_ACTIVITY = {id: 99, name: 'Other'}

/** What the exported events say about where they come from. */
export interface OcsfSource {
  /** outloop's version (metadata.product.version). */
  readonly productVersion: string
  /** This machine's name: every caller of the broker is on it (loopback or a Unix socket). */
  readonly hostname: string
}

/**
 * One audit record as an OCSF API Activity event (class 6003), the tenant in metadata.tenant_uid. It carries
 * only what the record holds (already redacted: no header, body, query string or value); what OCSF has no
 * attribute for goes in `unmapped`. A pending record (allowed, upstream not answered yet) has status Unknown;
 * its outcome, a second event, shares its metadata.correlation_uid.
 */
export function auditRecordToOcsf(record: AuditRecord, source: OcsfSource): Record<string, unknown> {
  const activity = ACTIVITY[record.method.toUpperCase()] ?? OTHER_ACTIVITY
  const status = ocsfStatus(record)
  const severity = record.decision === 'denied' ? {id: 3, name: 'Medium'} : record.decision === 'error' ? {id: 2, name: 'Low'} : {id: 1, name: 'Informational'}
  const decidedSeq = record.phase === 'complete' && typeof record.completes === 'number' ? record.completes : record.seq
  const time = Date.parse(record.time)
  return {
    class_uid: CLASS_UID,
    class_name: 'API Activity',
    category_uid: CATEGORY_UID,
    category_name: 'Application Activity',
    activity_id: activity.id,
    activity_name: activity.name,
    type_uid: CLASS_UID * 100 + activity.id,
    type_name: `API Activity: ${activity.name}`,
    time,
    duration: Math.round(record.durationMs),
    severity_id: severity.id,
    severity: severity.name,
    status_id: status.id,
    status: status.name,
    ...(record.status > 0 ? {status_code: String(record.status)} : {}),
    status_detail: record.reason,
    message: `${record.decision} ${record.method} ${record.service ?? record.host ?? '-'}${record.path} for ${record.client}`,
    api: {operation: `${record.method} ${record.path || (record.host ?? '')}`.trim(), ...(record.service === null ? {} : {service: {name: record.service}})},
    http_request: {http_method: record.method, url: {...(record.host === null ? {} : {hostname: record.host}), path: record.path}},
    ...(record.status > 0 ? {http_response: {code: record.status}} : {}),
    actor: record.workspace === null ? {app_name: 'caller without a session'} : {app_name: 'agent', app_uid: record.workspace},
    src_endpoint: {hostname: source.hostname},
    ...(record.host === null ? {} : {dst_endpoint: {hostname: record.host}}),
    metadata: {
      version: OCSF_VERSION,
      product: {name: 'outloop', vendor_name: 'outloop', version: source.productVersion},
      tenant_uid: record.client,
      uid: `${record.client}:${record.seq}`,
      correlation_uid: `${record.client}:${decidedSeq}`,
      sequence: record.seq,
      log_name: `audit/${record.client}.jsonl`,
      original_time: record.time,
    },
    unmapped: {
      decision: record.decision,
      phase: record.phase,
      secret: record.secret,
      workspace: record.workspace,
      ...(record.bytes === undefined ? {} : {bytes: record.bytes}),
      // The chain hash: lets an event kept elsewhere be matched with the local log that verify checks.
      hash: record.hash,
    },
  }
}

function ocsfStatus(record: AuditRecord): {id: number; name: string} {
  if (record.phase === 'pending') return {id: 0, name: 'Unknown'}
  if (record.decision === 'allowed' && record.status > 0 && record.status < 400) return {id: 1, name: 'Success'}
  return {id: 2, name: 'Failure'}
}
