import type {IncomingHttpHeaders} from 'node:http'

import type {Policy} from '../policy/types.js'
import {isReadOnlyMethod} from './call-arguments.js'
import {maskResponseBytes, maskResponseText, type ResponseMaskSources} from './mask-response.js'

/** What a tool call gives back, before the MCP SDK wraps it: text for the model, data for clients that read it. */
export interface ToolOutcome {
  readonly isError: boolean
  readonly text: string
  readonly structured?: Record<string, unknown>
}

/** The two tools' behaviour, without the MCP protocol: the stdio server wraps these. */
export interface McpSession {
  /** Fixed at start, from the folder's binding. */
  readonly tenant: string
  readonly workspace: string
  listServices(): Promise<ToolOutcome>
  callApi(args: Record<string, unknown> | undefined): Promise<ToolOutcome>
  /** Revokes every token it minted. */
  close(): Promise<void>
}

/** One granted service as list_services shows it: what it reaches and what may be done there; never a value. */
export interface ServiceListing {
  readonly service: string
  /** The upstream's host: what the service is for. */
  readonly upstream: string
  readonly grants: ReadonlyArray<{secret: string; methods: readonly string[]; paths: readonly string[]; readOnly: boolean; approval?: 'writes' | 'always'; budgets?: string[]}>
}

/** The client's grants, grouped by service, in policy order. */
export function describeClientServices(policy: Policy, tenant: string): ServiceListing[] {
  const byService = new Map<string, ServiceListing>()
  for (const grant of policy.clients.get(tenant) ?? []) {
    const service = policy.services.get(grant.service)
    if (!service) continue
    const listing = byService.get(grant.service) ?? {service: grant.service, upstream: upstreamHost(service.upstream), grants: []}
    const readOnly = !grant.methods.includes('*') && grant.methods.every(isReadOnlyMethod)
    // What makes a call wait or fail for reasons of its own: the agent should know before it calls.
    const extra = {...(grant.approve && grant.approve !== 'never' ? {approval: grant.approve} : {}), ...(grant.limits?.length ? {budgets: grant.limits.map((l) => `${l.count}/${l.unit}`)} : {})}
    byService.set(grant.service, {...listing, grants: [...listing.grants, {secret: `outloop://${tenant}/${grant.secret}`, methods: grant.methods, paths: grant.paths, readOnly, ...extra}]})
  }
  return [...byService.values()]
}

function upstreamHost(upstream: string): string {
  try {
    return new URL(upstream).host
  } catch {
    return upstream
  }
}

/** list_services' answer. */
export function renderServiceListing(tenant: string, services: readonly ServiceListing[], broker: string | null): ToolOutcome {
  const lines = [`Client: ${tenant}. Services granted: ${services.length}.${broker ? '' : ' No broker is running: call_api will fail until `outloop serve` runs.'}`]
  for (const s of services) {
    lines.push(`- ${s.service} (${s.upstream})`)
    for (const g of s.grants) {
      const notes = [g.readOnly ? 'read-only' : '', g.approval === 'always' ? 'every call waits for a person to approve it' : g.approval === 'writes' ? 'calls other than GET wait for a person to approve them' : '', g.budgets ? `at most ${g.budgets.join(', ')}` : ''].filter(Boolean)
      lines.push(`    ${g.methods.join(', ')} ${g.paths.join(', ')}  with ${g.secret}${notes.length ? `  (${notes.join('; ')})` : ''}`)
    }
  }
  if (services.length > 0) lines.push('Call one with call_api {service, method, path}; the path is the one after the service (e.g. /v1/models). The key is attached by outloop: send none.')
  return {isError: false, text: lines.join('\n'), structured: {tenant, brokerRunning: broker !== null, services}}
}

/**
 * The headers passed back: what a caller needs to read the body and pace itself, nothing that identifies a
 * session. Not content-length: the body passed back is masked and may be cut, so it would not match.
 */
const KEPT_HEADERS = new Set(['content-type', 'content-language', 'content-disposition', 'location', 'etag', 'last-modified', 'cache-control', 'retry-after', 'date', 'request-id', 'x-request-id', 'link'])
const KEPT_PREFIXES = ['ratelimit', 'x-ratelimit', 'anthropic-ratelimit']

/** Bodies longer than this are cut, with a note. */
export const MAX_RESPONSE_BYTES = 256 * 1024

/** A response read from the broker: at most MAX_RESPONSE_BYTES plus some slack; `complete` when that is all of it. */
export interface BrokerResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly bytes: Buffer
  readonly complete: boolean
}

/** The broker's refusal, when the response is one (`{"error": {"type": "outloop_denied", …}}`). */
export function readDenial(response: BrokerResponse): {status: number; reason: string; message: string} | null {
  if (!String(response.headers['content-type'] ?? '').startsWith('application/json') || response.status < 400) return null
  try {
    const error = (JSON.parse(response.bytes.toString('utf8')) as {error?: {type?: unknown; reason?: unknown; message?: unknown}}).error
    if (error?.type !== 'outloop_denied' || typeof error.reason !== 'string') return null
    return {status: response.status, reason: error.reason, message: typeof error.message === 'string' ? error.message : ''}
  } catch {
    return null
  }
}

/** A refusal as a tool error: the reason first, since that is what a caller acts on. */
export function renderDenial(denial: {status: number; reason: string; message: string}): ToolOutcome {
  return {isError: true, text: `Refused by outloop (${denial.status} ${denial.reason}): ${denial.message || 'the broker refused the request.'}`}
}

/**
 * call_api's answer: status, the kept headers and the body, each masked; text stays text (UTF-8), anything
 * else is base64. A body over MAX_RESPONSE_BYTES is cut there, and the answer says so.
 */
export function renderBrokerResponse(response: BrokerResponse, masks: ResponseMaskSources): ToolOutcome {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined || !(KEPT_HEADERS.has(name) || KEPT_PREFIXES.some((p) => name.startsWith(p)))) continue
    headers[name] = maskResponseText(Array.isArray(value) ? value.join(', ') : value, masks)
  }
  const overLimit = !response.complete || response.bytes.length > MAX_RESPONSE_BYTES
  const masked = maskResponseBytes(response.bytes, masks, response.complete)
  let bytes = masked.bytes
  if (bytes.length > MAX_RESPONSE_BYTES) bytes = bytes.subarray(0, MAX_RESPONSE_BYTES)
  const type = String(response.headers['content-type'] ?? '')
  const text = isTextual(type, bytes) ? bytes.toString('utf8') : null
  const body = text ?? bytes.toString('base64')
  const encoding = text === null ? 'base64' : 'utf8'
  const note = overLimit ? `[outloop: the body was cut at ${MAX_RESPONSE_BYTES / 1024} KB; ask for less, e.g. a smaller page or range]` : null
  const lines = [`HTTP ${response.status}`, ...Object.entries(headers).map(([n, v]) => `${n}: ${v}`), '']
  if (encoding === 'base64') lines.push(`[binary body, ${bytes.length} bytes, base64]`)
  lines.push(body)
  if (note) lines.push(note)
  return {
    isError: false,
    text: lines.join('\n'),
    structured: {status: response.status, headers, body, bodyEncoding: encoding, truncated: overLimit, ...(masked.masked > 0 ? {maskedValues: masked.masked} : {})},
  }
}

const TEXT_TYPES = /^(text\/|application\/([a-z0-9.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|x-ndjson|yaml|graphql)\b)/i

function isTextual(contentType: string, bytes: Buffer): boolean {
  if (bytes.length === 0) return true
  if (contentType !== '' && !TEXT_TYPES.test(contentType)) return false
  if (bytes.includes(0)) return false
  // A cut may split a character: only a fully decodable prefix (bar that last character) is text.
  const decoded = new TextDecoder('utf-8', {fatal: false}).decode(bytes)
  const bad = decoded.indexOf('\uFFFD')
  return bad < 0 || bad >= decoded.length - 1
}
