import {createHmac, timingSafeEqual} from 'node:crypto'

/** The log of callers without a valid session: not a tenant name, since tenant names can't start with `_`. */
export const UNAUTHENTICATED_CLIENT = '_unauthenticated'

/** What happened to one request. Never headers, bodies, query strings or values. */
export interface AuditFields {
  readonly time: string
  /** The tenant from the caller's binding; `_unauthenticated` when the caller had no valid session. */
  readonly client: string
  readonly workspace: string | null
  readonly service: string | null
  readonly secret: string | null
  readonly method: string
  readonly host: string | null
  /** The path without query string, token-shaped segments redacted. */
  readonly path: string
  readonly status: number
  readonly decision: 'allowed' | 'denied' | 'error'
  readonly reason: string
  readonly durationMs: number
  /** A blind tunnel's traffic (what the agent sent, what it received); only on tunnel records. */
  readonly bytes?: {readonly sent: number; readonly received: number}
  /** The person's answer to a request that waited for approval (or the session-wide approval it went through on). */
  readonly approval?: AuditApproval
}

/** Who answered a held request, when, and how far the answer reaches; `timeout` has no one. */
export interface AuditApproval {
  readonly id: string
  readonly answer: 'approved' | 'denied' | 'timeout'
  /** `session`: the rest of that session's requests under the same grant go through without asking. */
  readonly scope: 'request' | 'session'
  /** The OS user who answered (the owner of the answer), or null when no one did. */
  readonly by: string | null
  readonly at: string
}

/**
 * `pending`: written and flushed before the upstream is contacted (the request was allowed; its outcome is not
 * known yet). `complete`: the whole story, either alone (a refusal) or completing the pending record `completes`.
 */
export type AuditPhase = 'pending' | 'complete'

/** A record as written: the fields, its phase, its place in the chain, and the chain hash. */
export interface AuditRecord extends AuditFields {
  readonly seq: number
  readonly phase: AuditPhase
  /** The sequence number of the pending record this one completes; null for a record that stands alone. */
  readonly completes: number | null
  readonly prev: string
  readonly hash: string
}

/** Every field of a record, in the order a line is written; a line with any other field was tampered with. */
export const RECORD_FIELDS: ReadonlyArray<keyof AuditRecord> = ['seq', 'time', 'client', 'workspace', 'service', 'secret', 'method', 'host', 'path', 'status', 'decision', 'reason', 'durationMs', 'phase', 'completes', 'prev', 'hash']

/** Fields only some records have: absent from a record, they are absent from its hash too (older logs verify as before). */
export const OPTIONAL_RECORD_FIELDS: ReadonlyArray<keyof AuditRecord> = ['bytes', 'approval']

/** The `prev` of a chain's first record. */
export const GENESIS = '0'.repeat(64)

/** JSON with object keys sorted at every level: the one byte form a MAC is taken over. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`
  const entries = Object.keys(value)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${canonicalJson((value as Record<string, unknown>)[name])}`)
  return `{${entries.join(',')}}`
}

/** An HMAC over a purpose label and a value's canonical form; the label keeps a head's MAC from passing as a record's. */
export function macOf(key: Buffer, purpose: 'record' | 'head' | 'clients', value: unknown): string {
  return createHmac('sha256', key).update(`outloop.audit.${purpose}\n`).update(canonicalJson(value)).digest('hex')
}

/** Compares two hex MACs in constant time. */
export function sameMac(a: unknown, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false
  return timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/** The chain hash of a record: a keyed MAC over every field but the hash itself (the client and the link included). */
export function hashAuditRecord(key: Buffer, record: Omit<AuditRecord, 'hash'>): string {
  const body: Record<string, unknown> = {}
  for (const name of RECORD_FIELDS) if (name !== 'hash') body[name] = (record as unknown as Record<string, unknown>)[name] ?? null
  for (const name of OPTIONAL_RECORD_FIELDS) if ((record as unknown as Record<string, unknown>)[name] !== undefined) body[name] = (record as unknown as Record<string, unknown>)[name]
  return macOf(key, 'record', body)
}

/** The fields a line has that a record must not, and those it lacks. */
export function recordShapeProblems(parsed: Record<string, unknown>): string[] {
  const expected = new Set<string>([...RECORD_FIELDS, ...OPTIONAL_RECORD_FIELDS])
  const problems: string[] = []
  const extra = Object.keys(parsed).filter((name) => !expected.has(name))
  if (extra.length > 0) problems.push(`has fields no record has (${extra.map((name) => JSON.stringify(name.slice(0, 40))).join(', ')}): added after it was written`)
  const missing = RECORD_FIELDS.filter((name) => !(name in parsed))
  if (missing.length > 0) problems.push(`lacks the fields ${missing.join(', ')} (edited)`)
  return problems
}

/** A client's head: the last record written, MAC'd so a log cut short can't be given a matching head without the key. */
export interface AuditHead {
  readonly client: string
  readonly seq: number
  readonly hash: string
  readonly mac: string
}

/** Makes a keyed head for a client's last record. */
export function signAuditHead(key: Buffer, client: string, seq: number, hash: string): AuditHead {
  return {client, seq, hash, mac: macOf(key, 'head', {client, seq, hash})}
}

/** Whether a parsed head is one this key signed for this client. */
export function isAuditHeadValid(key: Buffer, client: string, head: unknown): head is AuditHead {
  if (!head || typeof head !== 'object') return false
  const h = head as Record<string, unknown>
  if (h.client !== client || typeof h.seq !== 'number' || typeof h.hash !== 'string') return false
  if (Object.keys(h).some((name) => !['client', 'seq', 'hash', 'mac'].includes(name))) return false
  return sameMac(h.mac, macOf(key, 'head', {client, seq: h.seq, hash: h.hash}))
}

/**
 * One client's entry in the registry. `started` is set once its first record is on disk: from then on a
 * missing or empty log means records were removed. `seq`/`hash` are a record the log must still hold.
 */
export interface AuditClientEntry {
  readonly started: boolean
  readonly seq: number
  readonly hash: string
}

/** Every client that ever had an audit log under this OUTLOOP_HOME, MAC'd with the chain key. */
export interface AuditRegistry {
  readonly schema: 'outloop.audit-clients/v1'
  readonly clients: Readonly<Record<string, AuditClientEntry>>
  readonly mac: string
}

/** Signs a registry of clients. */
export function signAuditRegistry(key: Buffer, clients: Record<string, AuditClientEntry>): AuditRegistry {
  return {schema: 'outloop.audit-clients/v1', clients, mac: macOf(key, 'clients', clients)}
}

/** Whether a parsed registry is one this key signed. */
export function isAuditRegistryValid(key: Buffer, registry: unknown): registry is AuditRegistry {
  if (!registry || typeof registry !== 'object') return false
  const r = registry as Record<string, unknown>
  if (r.schema !== 'outloop.audit-clients/v1' || !r.clients || typeof r.clients !== 'object') return false
  return sameMac(r.mac, macOf(key, 'clients', r.clients))
}
