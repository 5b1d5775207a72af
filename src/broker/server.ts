import {createServer, request as httpRequest, Agent as HttpAgent, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerOptions, type ServerResponse} from 'node:http'
import {request as httpsRequest, Agent as HttpsAgent} from 'node:https'
import {chmodSync, existsSync, lstatSync, readFileSync, unlinkSync} from 'node:fs'
import {lookup as dnsLookup, type LookupAddress, type LookupOptions} from 'node:dns'
import {connect as netConnect, isIP, type AddressInfo, type Socket} from 'node:net'
import {performance} from 'node:perf_hooks'
import type {Duplex} from 'node:stream'
import {TLSSocket} from 'node:tls'

import {UNAUTHENTICATED_CLIENT, type AuditFields} from '../audit/chain.js'
import {redactAuditPath} from '../audit/redact.js'
import {AuditLogWriter} from '../audit/writer.js'
import {UserError} from '../lib/errors.js'
import type {SecretValue} from '../lib/secret-value.js'
import {DEFAULT_APPROVE_WITHIN_MS, type Policy, type PolicyAllowance, type ServiceDefinition} from '../policy/types.js'
import {HOP_BY_HOP, SESSION_HEADER, swapBodyPlaceholders, swappableBody, upstreamHeaders, upstreamSearch, type BodyKind} from './attach.js'
import type {LocalCa} from './ca.js'
import {ApprovalDesk, type PendingApproval} from './approvals.js'
import {Budgets, type BudgetUse} from './budgets.js'
import {connectAction, decideRequest, readPlaceholders, type Door, type RequestDecision} from './decide.js'
import {brokerPaths, loadOrCreateKeyFile} from './files.js'
import {deny, denyOnSocket, type Outcome} from './refusals.js'
import {SessionGate} from './session-gate.js'

export {SESSION_HEADER} from './attach.js'

export interface BrokerOptions {
  /** OUTLOOP_HOME: bindings, session key, revocations, audit logs, the proxy's local CA. */
  readonly home: string
  /** The policy, or where to get the one in use now (a running `serve` reloads its file); read once per request. */
  readonly policy: Policy | (() => Policy)
  /** Reads a tenant's secret from the vault; null when there is no such entry. */
  readonly resolveSecret: (tenant: string, name: string) => Promise<SecretValue | null>
  /** Loopback only unless the caller says otherwise. */
  readonly host?: string
  /** Also listen on this Unix socket (mode 0600), for agents that can reach one. */
  readonly socketPath?: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Time to wait for the upstream's response headers, and the longest silence while streaming. */
  readonly upstreamTimeoutMs?: number
  /** Largest request body forwarded. */
  readonly maxRequestBytes?: number
  /** Longest time to receive a request's headers and body; a slower client is disconnected. */
  readonly requestTimeoutMs?: number
  /** How long a secret read from the vault is reused (a rotation shows within this time). */
  readonly secretCacheMs?: number
  /** Conversation (never a value): audit failures and such. */
  readonly warn?: (message: string) => void
  /** A request started to wait for approval (the terminal prompt of `outloop serve`, a notification). */
  readonly onApprovalRequest?: (pending: PendingApproval) => void
  /** A held request ended (answered, timed out, or its agent hung up). */
  readonly onApprovalSettled?: (id: string) => void
  /** How often the approvals folder is read while a request waits (tests shorten it). */
  readonly approvalPollMs?: number
}

export interface RunningBroker {
  readonly url: string
  readonly port: number
  readonly host: string
  /** Answers a held request from the broker's own process (the prompt of `outloop serve`). */
  answerApproval(id: string, answer: 'approve' | 'deny', scope: 'request' | 'session', by: string): boolean
  /** Each grant budget's use now. */
  budgetUse(): BudgetUse[]
  close(): Promise<void>
}

/** An intercepted CONNECT: whose session opened it, and the host it asked for. */
interface Tunnel {
  readonly token: string
  readonly host: string
}

type Fields = {-readonly [K in keyof AuditFields]: AuditFields[K]}

/**
 * Starts the broker: every request is decided (session, tenant, policy, audit) before any upstream
 * connection is made; allowed ones get the real credential attached and stream both ways unbuffered.
 * Two doors lead to the one decision: the reverse proxy (`/<service>/<path>`) and the forward proxy
 * (HTTPS_PROXY: CONNECT tunnels to hosts the policy names are intercepted, others tunnelled blind or refused).
 */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const host = options.host ?? '127.0.0.1'
  const paths = brokerPaths(options.home)
  const gate = new SessionGate(options.home)
  const audit = new AuditLogWriter(paths.auditDir, loadOrCreateKeyFile(paths.auditKey, paths.auditDir), (client) => warn(`Can't write the audit log of ${client}.`))
  const timeoutMs = options.upstreamTimeoutMs ?? 60_000
  const maxBytes = options.maxRequestBytes ?? 10 * 1024 * 1024
  const cacheMs = options.secretCacheMs ?? 30_000
  const secrets = new Map<string, {value: SecretValue; at: number}>()
  const httpAgent = new HttpAgent({keepAlive: true, maxSockets: 256})
  const httpsAgent = new HttpsAgent({keepAlive: true, maxSockets: 256})
  // A service that names its own CA file gets an agent of its own, by file: a reloaded policy may change it.
  const caAgents = new Map<string, HttpsAgent>()
  const warn = options.warn ?? (() => {})
  const given = options.policy
  const currentPolicy = typeof given === 'function' ? given : () => given
  // By upstream, not service name: a reloaded policy may point a service elsewhere.
  const upstreams = new Map<string, URL>()
  const upstreamUrl = (service: ServiceDefinition): URL => {
    let url = upstreams.get(service.upstream)
    if (!url) upstreams.set(service.upstream, (url = new URL(service.upstream)))
    return url
  }
  // The CA is loaded (or created) on the first CONNECT that needs it, not before: most brokers never intercept.
  let ca: LocalCa | null = null
  const localCa = async (): Promise<LocalCa> => (ca ??= (await import('./ca.js')).loadOrCreateLocalCa(options.home))
  const tunnels = new WeakMap<object, Tunnel>()
  const budgets = new Budgets()
  const desk = new ApprovalDesk(options.home, {onRequest: options.onApprovalRequest, onSettled: options.onApprovalSettled, pollMs: options.approvalPollMs})

  const serverOptions = requestLimits(options.requestTimeoutMs ?? 30_000)
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch(() => {
      if (!res.headersSent) deny(res, {status: 500, decision: 'error', reason: 'broker-error'})
      else res.destroy()
    })
  }
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    upgrade(req, socket, head).catch(() => socket.destroy())
  }
  const server: Server = createServer(serverOptions, onRequest)
  server.keepAliveTimeout = 65_000
  const socketServer: Server | null = options.socketPath ? createServer(serverOptions, onRequest) : null
  // Never listens: intercepted tunnels (TLS terminated, or plain HTTP inside a CONNECT) are handed to it.
  const tunnelServer: Server = createServer(serverOptions, onRequest)
  tunnelServer.keepAliveTimeout = 65_000
  for (const listening of socketServer ? [server, socketServer] : [server]) {
    listening.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      onConnect(req, socket, head).catch(() => socket.destroy())
    })
  }
  for (const each of socketServer ? [server, socketServer, tunnelServer] : [server, tunnelServer]) {
    each.on('clientError', auditClientError)
    each.on('upgrade', onUpgrade)
  }

  /** What Node's parser refuses (a malformed request line, headers over the limit, a stalled request) is audited too. */
  function auditClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
    // A peer that hung up sent no request: nothing to decide or record.
    if (error.code === 'ECONNRESET') return void socket.destroy()
    const outcome: Outcome =
      error.code === 'HPE_HEADER_OVERFLOW' ? {status: 431, decision: 'denied', reason: 'headers-too-large'} : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? {status: 408, decision: 'denied', reason: 'request-timeout'} : {status: 400, decision: 'denied', reason: 'bad-request'}
    record(newFields('-', '(unparsed)'), outcome)
    denyOnSocket(socket, outcome)
  }

  function newFields(method: string, path: string): Fields {
    return {time: new Date().toISOString(), client: UNAUTHENTICATED_CLIENT, workspace: null, service: null, secret: null, method, host: null, path, status: 0, decision: 'denied', reason: '', durationMs: 0}
  }

  /** Writes a complete record (a refusal, an outcome); `completes` links it to its pending decision. */
  function record(fields: Fields, outcome: Outcome, started?: number, completes: number | null = null, extra: Partial<AuditFields> = {}): void {
    const entry: AuditFields = {...fields, ...extra, status: outcome.status, decision: outcome.decision, reason: outcome.reason, durationMs: started === undefined ? 0 : Math.round((performance.now() - started) * 100) / 100}
    // Written before the answer, flushed with the next decision record: neither waits for an fsync of its own.
    try {
      audit.appendLazily(entry, {completes})
    } catch {
      warn(`Can't write the audit log of ${fields.client}: requests for it are refused until it is writable.`)
    }
  }

  /**
   * The forward proxy's CONNECT: the session comes from Proxy-Authorization; a host a service of the
   * client answers for is intercepted (TLS terminated with a leaf of the local CA, each request inside
   * decided like any other), one no service answers for is tunnelled blind or refused (egress: deny).
   */
  async function onConnect(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const started = performance.now()
    socket.on('error', () => socket.destroy())
    const fields = newFields('CONNECT', '(connect)')
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}): void => {
      record(fields, {status, decision: 'denied', reason}, started)
      denyOnSocket(socket, {status, decision: 'denied', reason}, headers)
    }
    const target = parseAuthority(req.url ?? '')
    if (!target) return refuse(400, 'bad-connect')
    fields.host = `${target.host}:${target.port}`
    const token = proxyToken(req.headers['proxy-authorization'])
    const session = gate.check(token)
    if (!session.ok) return refuse(407, session.reason, {'proxy-authenticate': 'Basic realm="outloop"'})
    fields.client = session.claims.tenant
    fields.workspace = session.claims.workspace
    const action = connectAction(currentPolicy(), session.claims.tenant, target.host)
    if (action.kind === 'refuse') return refuse(action.status, action.reason)
    if (!audit.isWritable(session.claims.tenant)) {
      warn(`Can't write the audit log of ${session.claims.tenant}: refusing its requests.`)
      return denyOnSocket(socket, {status: 503, decision: 'denied', reason: 'audit-unavailable'})
    }
    if (action.kind === 'tunnel') return tunnelBlind(socket, head, target, fields, started)

    let authority: LocalCa
    try {
      authority = await localCa()
    } catch {
      warn("The proxy's local CA can't be loaded or created: intercepted hosts are refused.")
      return refuse(503, 'proxy-unavailable')
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) socket.unshift(head)
    // TLS (a ClientHello starts with 0x16) is terminated here; plain HTTP inside the tunnel is read as it is.
    // A tunnel that never says anything is closed like a request that never arrives.
    socket.setTimeout(options.requestTimeoutMs ?? 30_000, () => socket.destroy())
    socket.once('readable', () => {
      socket.setTimeout(0)
      const first = socket.read(1) as Buffer | null
      if (!first) return void socket.destroy()
      socket.unshift(first)
      const tunnel: Tunnel = {token: token!, host: target.host}
      if (first[0] !== 0x16) {
        tunnels.set(socket, tunnel)
        tunnelServer.emit('connection', socket)
        return
      }
      let context
      try {
        context = authority.contextFor(target.host)
      } catch {
        return void socket.destroy()
      }
      const tls = new TLSSocket(socket, {isServer: true, secureContext: context, ALPNProtocols: ['http/1.1']})
      tls.on('error', () => tls.destroy())
      tunnels.set(tls, tunnel)
      tunnelServer.emit('connection', tls)
    })
  }

  /** A host no service answers for: bytes pass untouched both ways; the record says who, where, how much, how long. */
  function tunnelBlind(socket: Socket, head: Buffer, target: {host: string; port: number}, fields: Fields, started: number): void {
    if (isLoopbackName(target.host)) {
      record(fields, {status: 403, decision: 'denied', reason: 'loopback-target'}, started)
      return denyOnSocket(socket, {status: 403, decision: 'denied', reason: 'loopback-target'})
    }
    const upstream = netConnect({host: target.host, port: target.port, lookup: lookupElsewhere})
    let opened = false
    let done = false
    const finish = (outcome: Outcome): void => {
      if (done) return
      done = true
      record(fields, outcome, started, null, {bytes: {sent: upstream.bytesWritten, received: upstream.bytesRead}})
      socket.destroy()
      upstream.destroy()
    }
    upstream.setTimeout(timeoutMs, () => (opened ? undefined : finish({status: 504, decision: 'error', reason: 'upstream-timeout'})))
    upstream.once('connect', () => {
      // A name that resolves to this machine is refused as its literal would be.
      if (isLoopbackName(upstream.remoteAddress ?? '')) {
        done = true
        upstream.destroy()
        record(fields, {status: 403, decision: 'denied', reason: 'loopback-target'}, started)
        return denyOnSocket(socket, {status: 403, decision: 'denied', reason: 'loopback-target'})
      }
      opened = true
      upstream.setTimeout(0)
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      socket.pipe(upstream)
      upstream.pipe(socket)
    })
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (!opened && !done) {
        done = true
        const outcome: Outcome = error.code === 'ELOOPBACK' ? {status: 403, decision: 'denied', reason: 'loopback-target'} : {status: 502, decision: 'error', reason: 'upstream-error'}
        record(fields, outcome, started)
        return denyOnSocket(socket, outcome)
      }
      finish({status: 200, decision: 'allowed', reason: 'tunnel'})
    })
    upstream.on('close', () => opened && finish({status: 200, decision: 'allowed', reason: 'tunnel'}))
    socket.on('close', () => opened && finish({status: 200, decision: 'allowed', reason: 'tunnel'}))
  }

  /** Where a request came in and with which session: the reverse proxy's path, a tunnel, or an absolute http:// URL. */
  function readDoor(req: IncomingMessage, method: string, target: string): {door: Door; token: string | undefined; path: string; query: string; proxied: boolean} | {refuse: Outcome; path: string} {
    const tunnel = tunnels.get(req.socket)
    const split = (pathAndQuery: string): {path: string; query: string} => {
      const queryAt = pathAndQuery.indexOf('?')
      return {path: queryAt < 0 ? pathAndQuery : pathAndQuery.slice(0, queryAt), query: queryAt < 0 ? '' : pathAndQuery.slice(queryAt + 1)}
    }
    if (tunnel) {
      if (!target.startsWith('/') || target.startsWith('//')) return {refuse: {status: 400, decision: 'denied', reason: 'absolute-uri'}, path: '(absolute-uri)'}
      return {door: {kind: 'proxy', host: tunnel.host}, token: tunnel.token, ...split(target), proxied: true}
    }
    // HTTP_PROXY: "GET http://host/path" with Proxy-Authorization. Any other absolute form never chooses where we connect.
    if (/^http:\/\//i.test(target) && req.headers['proxy-authorization'] !== undefined && method !== 'CONNECT') {
      let url: URL
      try {
        url = new URL(target)
      } catch {
        return {refuse: {status: 400, decision: 'denied', reason: 'absolute-uri'}, path: '(absolute-uri)'}
      }
      if (url.username || url.password || !url.hostname) return {refuse: {status: 400, decision: 'denied', reason: 'absolute-uri'}, path: '(absolute-uri)'}
      const rest = target.slice(target.indexOf('/', 7))
      return {door: {kind: 'proxy', host: url.hostname.replace(/^\[|\]$/g, '')}, token: proxyToken(req.headers['proxy-authorization']), ...split(rest.startsWith('/') ? rest : '/'), proxied: true}
    }
    if (!target.startsWith('/') || target.startsWith('//') || method === 'CONNECT') return {refuse: {status: 400, decision: 'denied', reason: 'absolute-uri'}, path: '(absolute-uri)'}
    let {path, query} = split(target)
    let token = headerValue(req, SESSION_HEADER)
    if (path.startsWith('/_t/')) {
      const end = path.indexOf('/', 4)
      token = end < 0 ? path.slice(4) : path.slice(4, end)
      path = end < 0 ? '/' : path.slice(end)
    }
    return {door: {kind: 'reverse'}, token, path, query, proxied: false}
  }

  interface Admitted {
    readonly decision: Extract<RequestDecision, {allowed: true}>
    readonly secret: SecretValue
    readonly body: Buffer | null
    readonly bodyKind: BodyKind | null
    readonly tenant: string
    /** The allowed decision's pending record, which the outcome's record completes. */
    readonly pending: number
  }

  /**
   * Everything up to the upstream connection, for both plain requests and upgrades: the door, the session,
   * the body (when its placeholders matter), the decision, the audit's pending record. A refusal is
   * answered and recorded here (`respond`), and null returned.
   */
  async function admit(req: IncomingMessage, fields: Fields, started: number, respond: (outcome: Outcome, headers?: Record<string, string>) => void, passthrough: (token: string) => void): Promise<Admitted | null> {
    const method = fields.method
    const target = req.url ?? ''
    const refuse = (status: number, reason: string, headers?: Record<string, string>): null => {
      req.resume()
      record(fields, {status, decision: 'denied', reason}, started)
      respond({status, decision: 'denied', reason}, headers)
      return null
    }
    const door = readDoor(req, method, target)
    if ('refuse' in door) {
      fields.path = door.path
      return refuse(door.refuse.status, door.refuse.reason)
    }
    fields.path = door.path.length > 2048 ? door.path.slice(0, 2048) : door.path
    if (door.door.kind === 'proxy') fields.host = door.door.host
    const session = gate.check(door.token)
    if (!session.ok) return door.proxied && !tunnels.has(req.socket) ? refuse(407, session.reason, {'proxy-authenticate': 'Basic realm="outloop"'}) : refuse(401, session.reason)
    const tenant = session.claims.tenant
    fields.client = tenant
    fields.workspace = session.claims.workspace
    // One policy decides the whole request, even when a reload lands while it is in flight.
    const policy = currentPolicy()
    if (door.door.kind === 'proxy' && !tunnels.has(req.socket)) {
      const action = connectAction(policy, tenant, door.door.host)
      if (action.kind === 'refuse') return refuse(action.status, action.reason)
      if (action.kind === 'tunnel') {
        // Plain HTTP to a host no service answers for: passed on as it is, but never with another client's placeholder.
        const placed = readPlaceholders(req.rawHeaders, door.query, null, door.path, tenant)
        if (!placed.ok) return refuse(placed.status, placed.reason)
        passthrough(door.token!)
        return null
      }
    }

    const declared = Number(req.headers['content-length'] ?? 0)
    const bodyKind = swappableBody(headerValue(req, 'content-type'))
    // A body without content-length is read in full first: one over the limit must never reach the upstream.
    // A form or JSON body is read too, since its placeholders are checked and swapped.
    /** The whole body, up to the limit; null when it is over it or the agent hung up (both answered and recorded). */
    const wholeBody = async (): Promise<Buffer | null> => {
      const read = await readBody(req, maxBytes)
      if (read === 'too-large') return refuse(413, 'request-too-large', {connection: 'close'})
      if (read === 'aborted') {
        record(fields, {status: 499, decision: 'error', reason: 'client-closed'}, started)
        return null
      }
      return read
    }
    let body: Buffer | null = null
    if (req.headers['transfer-encoding'] !== undefined || (bodyKind !== null && declared > 0 && declared <= maxBytes)) {
      body = await wholeBody()
      if (body === null) return null
    }
    const decision = decideRequest(
      policy,
      {tenant, method, path: door.path, query: door.query, rawHeaders: req.rawHeaders, body: body && bodyKind ? body.toString('utf8') : null, length: body ? body.length : declared, door: door.door},
      {maxRequestBytes: maxBytes},
    )
    fields.service = decision.fields.service
    fields.secret = decision.fields.secret
    fields.host = decision.fields.host
    fields.path = decision.fields.path
    if (!decision.allowed) return refuse(decision.status, decision.reason)
    // A request over budget is refused before anyone is asked to approve it.
    const grant = decision.grant
    const budget = budgets.check(tenant, grant)
    if (!budget.ok) return refuse(429, 'rate-limited', {'retry-after': String(budget.retryAfterSec)})
    if (needsApproval(grant, method)) {
      const grantKey = grantKeyOf(grant)
      let approval = desk.sessionPass(session.claims.id, grantKey)
      if (!approval) {
        // Held with its body in hand, so the wait is not the agent's upload (nor Node's request timeout).
        if (body === null && declared > 0) {
          body = await wholeBody()
          if (body === null) return null
        }
        if (!desk.hasRoomFor(session.claims.id)) return refuse(429, 'approvals-queue-full', {'retry-after': '10'})
        const hungUp = new AbortController()
        const onClose = (): void => hungUp.abort()
        req.socket.once('close', onClose)
        const ask = {tenant, workspace: session.claims.workspace, service: decision.service.name, secret: decision.secret, method, host: fields.host, path: redactAuditPath(fields.path), query: queryNames(door.query), bodyBytes: body?.length ?? 0, session: session.claims.id}
        const outcome = await desk.wait(ask, grantKey, grant.approveWithinMs ?? DEFAULT_APPROVE_WITHIN_MS, hungUp.signal)
        req.socket.off('close', onClose)
        if (outcome.answer === 'cancelled') {
          const gone = req.socket.destroyed
          record(fields, gone ? {status: 499, decision: 'error', reason: 'client-closed'} : {status: 503, decision: 'denied', reason: 'broker-stopping'}, started)
          if (!gone) respond({status: 503, decision: 'denied', reason: 'broker-stopping'})
          return null
        }
        fields.approval = outcome
        if (outcome.answer === 'denied') return refuse(403, 'approval-denied')
        if (outcome.answer === 'timeout') return refuse(403, 'approval-timeout')
        approval = outcome
      }
      fields.approval = approval
    }
    // Counted when it goes upstream; another request may have used the last of the budget during the wait.
    const taken = budgets.take(tenant, grant)
    if (!taken.ok) return refuse(429, 'rate-limited', {'retry-after': String(taken.retryAfterSec)})
    if (!audit.isWritable(tenant)) {
      req.resume()
      warn(`Can't write the audit log of ${tenant}: refusing its requests.`)
      respond({status: 503, decision: 'denied', reason: 'audit-unavailable'})
      return null
    }
    const secret = await readSecret(tenant, decision.secret)
    if (!secret) return refuse(502, 'secret-missing')
    if (/[\r\n\0]/.test(secret.reveal())) return refuse(502, 'secret-invalid')
    // The decision is on disk (fsync) before the upstream hears of the request; one that can't be recorded is refused.
    let pending: number
    try {
      const decided: AuditFields = {...fields, status: 0, decision: 'allowed', reason: 'allowed', durationMs: Math.round((performance.now() - started) * 100) / 100}
      pending = (await audit.appendDurable(decided, {phase: 'pending'})).seq
    } catch {
      req.resume()
      warn(`Can't write the audit log of ${tenant}: refusing its requests.`)
      respond({status: 503, decision: 'denied', reason: 'audit-unavailable'})
      return null
    }
    return {decision, secret, body, bodyKind, tenant, pending}
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now()
    const method = (req.method ?? 'GET').toUpperCase()
    if (method === 'GET' && req.url === '/_outloop/health' && !tunnels.has(req.socket)) {
      res.writeHead(200, {'content-type': 'application/json'}).end('{"ok":true}')
      return
    }
    const fields = newFields(method, '/')
    const admitted = await admit(
      req,
      fields,
      started,
      (outcome, headers) => deny(res, outcome, headers),
      () => passOn(req, res, fields, started),
    )
    if (!admitted) return
    const finish = (outcome: Outcome, respond: boolean): void => {
      record(fields, outcome, started, admitted.pending)
      if (respond) deny(res, outcome)
    }
    if (res.destroyed) return finish({status: 499, decision: 'error', reason: 'client-closed'}, false)
    forward(req, res, admitted, finish)
  }

  /** The agent for a service's upstream: its own CA file's when the policy names one. */
  function agentFor(service: ServiceDefinition, base: URL): HttpAgent | HttpsAgent {
    if (base.protocol !== 'https:') return httpAgent
    if (!service.ca) return httpsAgent
    let agent = caAgents.get(service.ca)
    if (!agent) caAgents.set(service.ca, (agent = new HttpsAgent({keepAlive: true, maxSockets: 256, ca: readFileSync(service.ca)})))
    return agent
  }

  /** The upstream request of an admitted request: where, with which headers and body. */
  function upstreamRequestOf(req: IncomingMessage, admitted: Admitted, upgrade?: string): {base: URL; path: string; headers: OutgoingHttpHeaders; body: Buffer | null} {
    const {decision, secret, tenant} = admitted
    const service = decision.service
    const base = upstreamUrl(service)
    const body = admitted.body && admitted.bodyKind ? swapBodyPlaceholders(admitted.body, admitted.bodyKind, tenant, decision.secret, secret.reveal()) : admitted.body
    const headers = upstreamHeaders(req.rawHeaders, service, secret.reveal(), {host: base.host, bodyLength: body ? body.length : null, upgrade})
    const target = req.url ?? ''
    const queryAt = target.indexOf('?')
    const search = upstreamSearch(queryAt < 0 ? '' : target.slice(queryAt + 1), service, secret.reveal())
    return {base, path: decision.upstreamPath + (search ? `?${search}` : ''), headers, body}
  }

  function forward(req: IncomingMessage, res: ServerResponse, admitted: Admitted, finish: (outcome: Outcome, respond: boolean) => void): void {
    const service = admitted.decision.service
    let base: URL
    let path: string
    let headers: OutgoingHttpHeaders
    let body: Buffer | null
    let agent: HttpAgent | HttpsAgent
    try {
      ;({base, path, headers, body} = upstreamRequestOf(req, admitted))
      agent = agentFor(service, base)
    } catch {
      req.resume()
      return finish({status: 502, decision: 'error', reason: 'upstream-ca-unreadable'}, true)
    }
    const send = base.protocol === 'https:' ? httpsRequest : httpRequest
    let settled = false
    const settle = (outcome: Outcome, respond: boolean): void => {
      if (settled) return
      settled = true
      if (respond && !res.headersSent) finish(outcome, true)
      else {
        finish(outcome, false)
        if (!res.writableEnded) res.destroy()
      }
    }
    const upstream = send({protocol: base.protocol, hostname: base.hostname, port: base.port || undefined, method: req.method, path, headers, agent, timeout: timeoutMs})
    upstream.on('timeout', () => {
      upstream.destroy()
      settle({status: 504, decision: 'error', reason: 'upstream-timeout'}, true)
    })
    upstream.on('error', () => settle({status: 502, decision: 'error', reason: 'upstream-error'}, true))
    upstream.on('response', (answer) => {
      const out: OutgoingHttpHeaders = {}
      for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value
      res.writeHead(answer.statusCode ?? 502, out)
      // Streams (SSE) reach the agent as they come: flush headers now, then pipe without buffering.
      res.flushHeaders()
      answer.pipe(res)
      answer.on('end', () => {
        if (settled) return
        settled = true
        finish({status: answer.statusCode ?? 0, decision: 'allowed', reason: answer.statusCode && answer.statusCode >= 500 ? 'upstream-status' : 'allowed'}, false)
      })
      answer.on('error', () => settle({status: answer.statusCode ?? 502, decision: 'error', reason: 'upstream-aborted'}, false))
      res.on('close', () => {
        if (!answer.complete) {
          answer.destroy()
          settle({status: answer.statusCode ?? 0, decision: 'allowed', reason: 'client-closed'}, false)
        }
      })
    })
    res.on('close', () => {
      if (!res.headersSent && !settled) {
        upstream.destroy()
        settle({status: 499, decision: 'error', reason: 'client-closed'}, false)
      }
    })
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        upstream.destroy()
        req.unpipe(upstream)
        req.resume()
        settle({status: 413, decision: 'denied', reason: 'request-too-large'}, true)
      }
    })
    if (body) upstream.end(body)
    else req.pipe(upstream)
  }

  /**
   * An absolute-form http:// request to a host no service answers for (HTTP_PROXY, egress allowed): passed on
   * as sent, without the proxy's own headers, and recorded like a tunnel.
   */
  function passOn(req: IncomingMessage, res: ServerResponse, fields: Fields, started: number): void {
    const url = new URL(req.url ?? '')
    if (isLoopbackName(url.hostname.replace(/^\[|\]$/g, ''))) {
      req.resume()
      record(fields, {status: 403, decision: 'denied', reason: 'loopback-target'}, started)
      return deny(res, {status: 403, decision: 'denied', reason: 'loopback-target'})
    }
    const headers: OutgoingHttpHeaders = {}
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i].toLowerCase()
      if (name === 'proxy-authorization' || name === 'proxy-connection' || name === 'connection' || name === 'keep-alive' || name === SESSION_HEADER) continue
      const existing = headers[name]
      headers[name] = existing === undefined ? req.rawHeaders[i + 1] : Array.isArray(existing) ? [...existing, req.rawHeaders[i + 1]] : [String(existing), req.rawHeaders[i + 1]]
    }
    let sent = 0
    let received = 0
    let done = false
    const finish = (outcome: Outcome): void => {
      if (done) return
      done = true
      record(fields, outcome, started, null, {bytes: {sent, received}})
    }
    const upstream = httpRequest({hostname: url.hostname, port: url.port || 80, method: req.method, path: url.pathname + url.search, headers, agent: httpAgent, timeout: timeoutMs, lookup: lookupElsewhere})
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')))
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      const outcome: Outcome = error.code === 'ELOOPBACK' ? {status: 403, decision: 'denied', reason: 'loopback-target'} : {status: 502, decision: 'error', reason: 'upstream-error'}
      finish(outcome)
      if (!res.headersSent) deny(res, outcome)
      else res.destroy()
    })
    upstream.on('response', (answer) => {
      const out: OutgoingHttpHeaders = {}
      for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value
      res.writeHead(answer.statusCode ?? 502, out)
      answer.on('data', (chunk: Buffer) => (received += chunk.length))
      answer.pipe(res)
      answer.on('end', () => finish({status: answer.statusCode ?? 0, decision: 'allowed', reason: 'passthrough'}))
    })
    req.on('data', (chunk: Buffer) => (sent += chunk.length))
    req.pipe(upstream)
  }

  /** A WebSocket (or other) upgrade: decided like a request; allowed, the handshake goes upstream with the credential and the two sockets are joined. */
  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const started = performance.now()
    socket.on('error', () => socket.destroy())
    const method = (req.method ?? 'GET').toUpperCase()
    const fields = newFields(method, '/')
    const admitted = await admit(
      req,
      fields,
      started,
      (outcome, headers) => denyOnSocket(socket, outcome, headers),
      () => {
        record(fields, {status: 403, decision: 'denied', reason: 'egress-denied'}, started)
        denyOnSocket(socket, {status: 403, decision: 'denied', reason: 'egress-denied'})
      },
    )
    if (!admitted) return
    let settled = false
    const finish = (outcome: Outcome): void => {
      if (settled) return
      settled = true
      record(fields, outcome, started, admitted.pending)
    }
    let target
    let agent: HttpAgent | HttpsAgent
    try {
      target = upstreamRequestOf(req, admitted, headerValue(req, 'upgrade') ?? 'websocket')
      agent = agentFor(admitted.decision.service, target.base)
    } catch {
      finish({status: 502, decision: 'error', reason: 'upstream-ca-unreadable'})
      return denyOnSocket(socket, {status: 502, decision: 'error', reason: 'upstream-ca-unreadable'})
    }
    const send = target.base.protocol === 'https:' ? httpsRequest : httpRequest
    // Not pooled: an upgraded connection belongs to this one exchange.
    const upstream = send({protocol: target.base.protocol, hostname: target.base.hostname, port: target.base.port || undefined, method, path: target.path, headers: target.headers, timeout: timeoutMs, ...(agent instanceof HttpsAgent && agent !== httpsAgent ? {ca: agent.options.ca} : {}), agent: false})
    upstream.on('timeout', () => {
      upstream.destroy()
      finish({status: 504, decision: 'error', reason: 'upstream-timeout'})
      denyOnSocket(socket, {status: 504, decision: 'error', reason: 'upstream-timeout'})
    })
    upstream.on('error', () => {
      finish({status: 502, decision: 'error', reason: 'upstream-error'})
      denyOnSocket(socket, {status: 502, decision: 'error', reason: 'upstream-error'})
    })
    upstream.on('upgrade', (answer, upstreamSocket, upstreamHead) => {
      const lines = [`HTTP/1.1 ${answer.statusCode ?? 101} ${answer.statusMessage ?? 'Switching Protocols'}`]
      for (let i = 0; i < answer.rawHeaders.length; i += 2) lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`)
      socket.write(`${lines.join('\r\n')}\r\n\r\n`)
      if (upstreamHead.length > 0) socket.write(upstreamHead)
      if (head.length > 0) upstreamSocket.write(head)
      upstreamSocket.on('error', () => socket.destroy())
      socket.pipe(upstreamSocket)
      upstreamSocket.pipe(socket)
      const end = (): void => {
        finish({status: answer.statusCode ?? 101, decision: 'allowed', reason: 'allowed'})
        socket.destroy()
        upstreamSocket.destroy()
      }
      upstreamSocket.on('close', end)
      socket.on('close', end)
    })
    upstream.on('response', (answer) => {
      // The upstream declined the upgrade: its answer goes back as it is, and the connection ends.
      const lines = [`HTTP/1.1 ${answer.statusCode ?? 502} ${answer.statusMessage ?? ''}`]
      for (let i = 0; i < answer.rawHeaders.length; i += 2) if (!HOP_BY_HOP.has(answer.rawHeaders[i].toLowerCase())) lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`)
      lines.push('connection: close')
      socket.write(`${lines.join('\r\n')}\r\n\r\n`)
      answer.pipe(socket)
      answer.on('end', () => finish({status: answer.statusCode ?? 0, decision: 'allowed', reason: 'upgrade-declined'}))
    })
    upstream.end(target.body ?? undefined)
  }

  async function readSecret(tenant: string, name: string): Promise<SecretValue | null> {
    const key = `${tenant}/${name}`
    const cached = secrets.get(key)
    if (cached && Date.now() - cached.at < cacheMs) return cached.value
    const value = await options.resolveSecret(tenant, name)
    if (value) secrets.set(key, {value, at: Date.now()})
    else secrets.delete(key)
    return value
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolvePromise())
  })
  if (socketServer && options.socketPath) {
    const socketPath = options.socketPath
    // A socket file left by a broker that died is removed; any other file is not ours to replace.
    if (existsSync(socketPath)) {
      if (!lstatSync(socketPath).isSocket()) throw new UserError(`${socketPath} exists and is not a socket.`, 'Pick another --socket path.')
      unlinkSync(socketPath)
    }
    await new Promise<void>((resolvePromise, reject) => {
      socketServer.once('error', reject)
      // Only this user may connect: the folder's permissions are not enough on every system.
      const mask = process.umask(0o177)
      socketServer.listen(socketPath, () => resolvePromise())
      process.umask(mask)
    })
    chmodSync(socketPath, 0o600)
  }
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    host: address.address,
    answerApproval: (id, answer, scope, by) => desk.answer(id, answer, scope, by),
    budgetUse: () => budgets.usage(),
    close: async () => {
      desk.close()
      tunnelServer.closeAllConnections()
      for (const running of socketServer ? [server, socketServer] : [server]) {
        running.closeAllConnections()
        await new Promise<void>((resolvePromise) => running.close(() => resolvePromise()))
      }
      httpAgent.destroy()
      httpsAgent.destroy()
      for (const agent of caAgents.values()) agent.destroy()
      audit.close()
    },
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** A query's parameter names, for the person asked to approve it: each once, cut short, at most 20. */
function queryNames(query: string): string[] {
  const names = new Set<string>()
  for (const pair of query.split('&')) {
    if (!pair) continue
    let name = pair.split('=')[0]!
    try {
      name = decodeURIComponent(name.replace(/\+/g, ' '))
    } catch {
      // shown as sent
    }
    names.add(name.length > 40 ? `${name.slice(0, 40)}…` : name)
    if (names.size === 20) break
  }
  return [...names]
}

/** Whether a grant's approval rule holds this request for a person. */
function needsApproval(grant: PolicyAllowance, method: string): boolean {
  return grant.approve === 'always' || (grant.approve === 'writes' && !READS.has(method))
}

/** A grant as what it says, so a session-wide approval covers the same grant after a policy reload and no other. */
function grantKeyOf(grant: PolicyAllowance): string {
  return JSON.stringify([grant.service, grant.secret, grant.methods, grant.paths])
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The session token in `Proxy-Authorization: Basic base64(outloop:<token>)` (any user name; the password is the token). */
function proxyToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  const match = value ? /^\s*basic\s+([A-Za-z0-9+/=]{1,4096})\s*$/i.exec(value) : null
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  try {
    return decodeURIComponent(decoded.slice(colon + 1))
  } catch {
    // A malformed escape is no token: the session check then says so (missing-token), audited like any other.
    return undefined
  }
}

/**
 * A DNS lookup that refuses names resolving to this machine, for connections the proxy opens to hosts the
 * agent names (blind tunnels, passed-on http:// requests): the literal check alone misses `localtest.me`.
 */
function lookupElsewhere(hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void {
  dnsLookup(hostname, options, (error, address, family) => {
    if (error) return callback(error, address, family)
    const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address]
    if (addresses.some((one) => isLoopbackName(one))) return callback(Object.assign(new Error('resolves to this machine'), {code: 'ELOOPBACK'}), address, family)
    callback(null, address, family)
  })
}

/** `host:port` of a CONNECT (IPv6 in brackets); null for anything else. */
function parseAuthority(target: string): {host: string; port: number} | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253}):(\d{1,5})$/.exec(target)
  if (!match) return null
  const port = Number(match[2])
  if (port < 1 || port > 65535) return null
  const host = match[1].startsWith('[') ? match[1].slice(1, -1) : match[1].toLowerCase()
  if (!match[1].startsWith('[') && !isIP(host) && host.split('.').some((label) => label === '' || label.startsWith('-') || label.endsWith('-'))) return null
  return {host, port}
}

/** This machine by name or address: the proxy opens no tunnel there (the agent reaches it directly, or not at all). */
function isLoopbackName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '')
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  if (isIP(name) === 4) return name.startsWith('127.') || name === '0.0.0.0'
  if (isIP(name) === 6) return name === '::1' || name === '::' || /^::ffff:(127\.|0\.0\.0\.0)/.test(name)
  return false
}

/** The Node server limits: a request's headers and body must arrive within `requestTimeoutMs`. */
function requestLimits(requestTimeoutMs: number): ServerOptions {
  // Node checks the deadlines only every connectionsCheckingInterval (30 s unless told), which would double them.
  return {requestTimeout: requestTimeoutMs, headersTimeout: Math.min(30_000, requestTimeoutMs), connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestTimeoutMs / 4))), maxHeaderSize: 32 * 1024}
}

/**
 * Reads a body into memory, up to `maxBytes`: one sent without content-length (chunked), so that one over
 * the limit is refused before any upstream connection (streaming it would have sent the key and the first
 * megabytes before the count went over), and a form or JSON body, whose placeholders are checked.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const settle = (result: Buffer | 'too-large' | 'aborted'): void => {
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose)
      resolve(result)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= maxBytes) chunks.push(chunk)
      else {
        // The rest is drained, not kept; the 413 closes the connection.
        settle('too-large')
        req.resume()
      }
    }
    const onEnd = (): void => settle(Buffer.concat(chunks))
    const onClose = (): void => settle('aborted')
    req.on('data', onData).once('end', onEnd).once('close', onClose).once('error', onClose)
  })
}
