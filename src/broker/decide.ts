import {evaluatePolicy} from '../policy/evaluate.js'
import type {Policy, PolicyAllowance, PolicyDenyReason, ServiceDefinition} from '../policy/types.js'
import {findSecretRefs, type SecretRef} from '../vault/ref.js'

/**
 * The broker's one decision, shared by every door a request comes in by: the reverse proxy
 * (`/<service>/<path>` on the broker's own address), the forward proxy (a request inside an intercepted
 * CONNECT tunnel, or an absolute-form `http://` request), and the MCP server. Pure: the session is
 * already checked, the body (when it matters) already read; what is decided here is the tenant's grants,
 * the placeholders and the limits, and what the audit record says.
 */

/** How the request reached the broker, which decides how its service and path are read. */
export type Door =
  /** `/<service>/<path>` on the broker: the first segment names the service. */
  | {readonly kind: 'reverse'}
  /** Sent to `host` through the proxy: the services whose `hosts` name it are the candidates. */
  | {readonly kind: 'proxy'; readonly host: string}

export interface RequestFacts {
  /** The session's tenant (from its binding, never from the request). */
  readonly tenant: string
  readonly method: string
  /** The request target's path as sent, without the query (after the `/_t/<token>` prefix, if any). */
  readonly path: string
  readonly query: string
  readonly rawHeaders: readonly string[]
  /** A form-encoded or JSON body read before the decision, whose placeholders count (null: not read). */
  readonly body?: string | null
  /** The declared content-length, or the size of the body read; 0 when none. */
  readonly length: number
  readonly door: Door
}

/** What the audit record of a request says about it (never a header, body, query or value). */
export interface DecidedFields {
  readonly service: string | null
  readonly secret: string | null
  readonly host: string | null
  /** The path after the service's base path, as grants are written. */
  readonly path: string
}

export type RequestDecision =
  | {
      readonly allowed: true
      readonly service: ServiceDefinition
      /** The vault entry of the tenant to attach. */
      readonly secret: string
      /** The grant that allowed it: its approval rule and budgets apply next. */
      readonly grant: PolicyAllowance
      /** The path to request upstream (the service's base path included), without the query. */
      readonly upstreamPath: string
      readonly fields: DecidedFields
    }
  | {readonly allowed: false; readonly status: number; readonly reason: string; readonly fields: DecidedFields}

export interface DecisionLimits {
  /** Largest request body forwarded. */
  readonly maxRequestBytes: number
}

const POLICY_RANK: Record<PolicyDenyReason, number> = {'unknown-service': 0, 'no-client-policy': 0, 'service-not-allowed': 1, 'secret-not-allowed': 2, 'method-not-allowed': 3, 'path-not-allowed': 4}

/** Decides one request: its path, its placeholders against the tenant, the policy's grants, the size limit. */
export function decideRequest(policy: Policy, facts: RequestFacts, limits: DecisionLimits): RequestDecision {
  const shown = facts.path.length > 2048 ? facts.path.slice(0, 2048) : facts.path
  let fields: DecidedFields = {service: null, secret: null, host: facts.door.kind === 'proxy' ? facts.door.host : null, path: shown}
  const refuse = (status: number, reason: string): RequestDecision => ({allowed: false, status, reason, fields})

  // Decoded dot segments, encoded slashes and backslashes are how a path glob gets walked around.
  if (!isPlainPath(facts.path)) return refuse(400, 'bad-path')
  const routes = facts.door.kind === 'reverse' ? [reverseRoute(policy, facts.path)] : proxyRoutes(policy, facts.tenant, facts.door.host, facts.path)
  const first = routes[0]
  if (first) fields = {...fields, service: first.name || null, path: first.servicePath, host: first.service ? upstreamHost(first.service) : fields.host}

  // The tenant is the binding's; a placeholder naming any other client is refused outright.
  const placed = readPlaceholders(facts.rawHeaders, facts.query, facts.body ?? null, facts.path, facts.tenant)
  if (!placed.ok) return refuse(placed.status, placed.reason)
  if (placed.named) fields = {...fields, secret: placed.named}
  // Only when a reload took the grant away between the CONNECT and this request.
  if (!first) return refuse(403, 'service-not-allowed')

  let refusal: {reason: PolicyDenyReason; route: Route} | null = null
  for (const route of routes) {
    const verdict = evaluatePolicy(policy, {tenant: facts.tenant, service: route.name, method: facts.method, path: route.servicePath, secret: placed.named})
    if (verdict.allowed) {
      fields = {service: route.name, secret: verdict.secret, host: upstreamHost(verdict.service), path: route.servicePath}
      if (facts.length > limits.maxRequestBytes) return refuse(413, 'request-too-large')
      return {allowed: true, service: verdict.service, secret: verdict.secret, grant: verdict.grant, upstreamPath: route.upstreamPath(verdict.service), fields}
    }
    if (!refusal || POLICY_RANK[verdict.reason] > POLICY_RANK[refusal.reason]) refusal = {reason: verdict.reason, route}
  }
  fields = {...fields, service: refusal!.route.name || null, path: refusal!.route.servicePath}
  return refuse(403, refusal!.reason)
}

interface Route {
  readonly name: string
  readonly service: ServiceDefinition | undefined
  /** The path grants are matched against. */
  readonly servicePath: string
  readonly upstreamPath: (service: ServiceDefinition) => string
}

/** `/<service>/<rest>`: the service named by the first segment, the rest below its base path. */
function reverseRoute(policy: Policy, path: string): Route {
  const second = path.indexOf('/', 1)
  const name = second < 0 ? path.slice(1) : path.slice(1, second)
  const servicePath = second < 0 ? '/' : path.slice(second)
  return {name, service: policy.services.get(name), servicePath, upstreamPath: (service) => basePath(service) + servicePath}
}

/**
 * Through the proxy the path is the upstream's own. Every service answering for the host that the tenant
 * is granted is a candidate (two clients may each have their own service on one API); grants are read below
 * the service's base path when the request is under it (`/openai/v1/chat` on api.groq.com is `/v1/chat`).
 */
function proxyRoutes(policy: Policy, tenant: string, host: string, path: string): Route[] {
  const granted = new Set((policy.clients.get(tenant) ?? []).map((grant) => grant.service))
  const routes: Route[] = []
  for (const service of servicesForHost(policy, host)) {
    if (!granted.has(service.name)) continue
    const base = basePath(service)
    const servicePath = base && (path === base || path.startsWith(`${base}/`)) ? path.slice(base.length) || '/' : path
    routes.push({name: service.name, service, servicePath, upstreamPath: () => path})
  }
  return routes
}

/** The services whose `hosts` name this host (exactly, or `*.` a parent of it), in policy order. */
export function servicesForHost(policy: Policy, host: string): ServiceDefinition[] {
  const name = host.toLowerCase()
  return [...policy.services.values()].filter((service) => service.hosts.some((pattern) => (pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1 : name === pattern)))
}

/** What the proxy does with a CONNECT to `host` for `tenant`: decide requests inside it, tunnel it blind, or refuse it. */
export function connectAction(policy: Policy, tenant: string, host: string): {kind: 'intercept'} | {kind: 'tunnel'} | {kind: 'refuse'; status: number; reason: string} {
  const answering = servicesForHost(policy, host)
  if (answering.length > 0) {
    const granted = new Set((policy.clients.get(tenant) ?? []).map((grant) => grant.service))
    // A host the policy knows is never tunnelled blind: a client without the grant is refused at the door.
    return answering.some((service) => granted.has(service.name)) ? {kind: 'intercept'} : {kind: 'refuse', status: 403, reason: 'service-not-allowed'}
  }
  const rule = policy.egress?.get(tenant) ?? policy.defaultEgress ?? 'allow'
  return rule === 'deny' ? {kind: 'refuse', status: 403, reason: 'egress-denied'} : {kind: 'tunnel'}
}

// Parsed once per service definition (a reloaded policy brings new ones), not on every request.
const upstreamUrls = new WeakMap<ServiceDefinition, URL>()
function upstreamOf(service: ServiceDefinition): URL {
  let url = upstreamUrls.get(service)
  if (!url) upstreamUrls.set(service, (url = new URL(service.upstream)))
  return url
}

function basePath(service: ServiceDefinition): string {
  const {pathname} = upstreamOf(service)
  return pathname === '/' ? '' : pathname
}

function upstreamHost(service: ServiceDefinition): string {
  return upstreamOf(service).host
}

const MAX_DECODINGS = 16

/** One level of percent-decoding, escape by escape: a malformed one (`%zz`) stays as it is and spoils nothing else. */
function percentDecodeOnce(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+|%u[0-9a-f]{4}/gi, (run) => (run[1] === 'u' || run[1] === 'U' ? String.fromCharCode(parseInt(run.slice(2), 16)) : Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8')))
}

/** The text as sent and after each further percent-decoding until it settles; null when it does not settle soon. */
function decodedForms(text: string): string[] | null {
  const forms = [text]
  for (let round = 0; ; round++) {
    const current = forms[forms.length - 1]
    const next = current.includes('%') ? percentDecodeOnce(current) : current
    if (next === current) return forms
    if (round === MAX_DECODINGS) return null
    forms.push(next)
  }
}

/** Whether a path, as sent and in every decoding of it (an upstream may decode twice), has no dot segment, encoded slash or backslash, or control character. */
export function isPlainPath(path: string): boolean {
  const forms = decodedForms(path)
  return forms !== null && forms.every((form) => !/%2e|%2f|%5c|\\|[\0-\x1f\x7f]/i.test(form) && !form.split('/').some((part) => part === '..' || part === '.'))
}

/** A form body's `+` is a space, and JSON may spell `/` as `\/`: both are undone before looking. */
function unescapedBody(body: string): string {
  return body.replaceAll('+', ' ').replaceAll('\\/', '/')
}

/** `Authorization: Basic …` carries `user:password` in base64: a placeholder there is read too (git, pip, curl -u). */
function basicCredentials(value: string): string | null {
  const match = /^\s*basic\s+([A-Za-z0-9+/=_-]{4,4096})\s*$/i.exec(value)
  if (!match) return null
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  return decoded.includes(':') ? decoded : null
}

/** Every placeholder in a request part, as sent and as any decoding or case folding of it reads (`@client` ones as `tenant`'s); null when its encoding never settles. */
function placeholdersIn(text: string, tenant: string): SecretRef[] | null {
  if (!/outloop|%/i.test(text)) return []
  const forms = decodedForms(text)
  if (!forms) return null
  const refs: SecretRef[] = []
  for (const form of forms) {
    for (const found of findSecretRefs(form, {client: tenant})) refs.push(found.ref)
    const folded = form.toLowerCase()
    if (folded !== form) for (const found of findSecretRefs(folded, {client: tenant})) refs.push(found.ref)
  }
  return refs
}

/**
 * Checks the placeholders of a request against its session's tenant, in every form an upstream or its
 * framework might decode them to (percent-encoded once, twice, …, in capitals, inside Basic credentials):
 * another client's anywhere is refused. The first own one in the headers, else the query, else the body,
 * names the secret; one in the path names nothing. `outloop://@client/<name>` is the session's own client's.
 */
export function readPlaceholders(rawHeaders: readonly string[], query: string, body: string | null, path: string, tenant: string): {ok: true; named: string | undefined} | {ok: false; status: number; reason: string} {
  const naming: string[] = []
  for (let i = 1; i < rawHeaders.length; i += 2) {
    naming.push(rawHeaders[i])
    const basic = basicCredentials(rawHeaders[i])
    if (basic) naming.push(basic)
  }
  naming.push(query)
  if (body) naming.push(body, unescapedBody(body))
  let named: string | undefined
  for (const [index, text] of [...naming, path].entries()) {
    const refs = placeholdersIn(text, tenant)
    if (!refs) return {ok: false, status: 400, reason: 'bad-encoding'}
    for (const ref of refs) {
      if (ref.tenant !== tenant) return {ok: false, status: 403, reason: 'tenant-mismatch'}
      if (index < naming.length) named ??= ref.name
    }
  }
  return {ok: true, named}
}

/** Whether a header's value holds a placeholder in any form the decision reads (as sent, decoded, in Basic credentials). */
export function holdsPlaceholder(value: string): boolean {
  if (/outloop:\/\//i.test(value) || /outloop%3a/i.test(value)) return true
  const basic = basicCredentials(value)
  return basic !== null && /outloop:\/\//i.test(basic)
}
