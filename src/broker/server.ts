import {createServer, request as httpRequest, Agent as HttpAgent, STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerOptions, type ServerResponse} from 'node:http'
import {request as httpsRequest, Agent as HttpsAgent} from 'node:https'
import {chmodSync, existsSync, lstatSync, statSync, unlinkSync} from 'node:fs'
import type {AddressInfo, Socket} from 'node:net'
import {performance} from 'node:perf_hooks'

import {AuditLogWriter, UNAUTHENTICATED_CLIENT, type AuditFields} from '../audit/log.js'
import {UserError} from '../lib/errors.js'
import type {SecretValue} from '../lib/secret-value.js'
import {evaluatePolicy} from '../policy/evaluate.js'
import type {Policy, ServiceDefinition} from '../policy/types.js'
import {findSecretRefs, type SecretRef} from '../vault/ref.js'
import {findWorkspaceBinding, readWorkspaceBindings, type WorkspaceBinding} from './bindings.js'
import {isLauncherAlive} from './launcher.js'
import {brokerPaths, loadOrCreateKeyFile} from './files.js'
import {loadSessionKey, readRevokedSessions, verifySessionToken, type SessionClaims} from './tokens.js'

export interface BrokerOptions {
  /** OUTLOOP_HOME: bindings, session key, revocations, audit logs. */
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
}

export interface RunningBroker {
  readonly url: string
  readonly port: number
  readonly host: string
  close(): Promise<void>
}

/** The header an agent may send its session token in (the path prefix /_t/<token>/ is the other way). */
export const SESSION_HEADER = 'x-outloop-session'

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', SESSION_HEADER])
const UNSAFE_IN_HEADER = /[\r\n\0]/
// Headers some upstreams and frameworks take as the real method, path or host: forwarded, they would
// sidestep the method and path grants (X-Forwarded-* too: a path prefix, a host, a scheme).
const ROUTE_OVERRIDING = new Set(['x-http-method-override', 'x-http-method', 'x-method-override', 'x-original-url', 'x-original-uri', 'x-original-method', 'x-original-host', 'x-rewrite-url', 'x-envoy-original-path', 'x-host', 'forwarded'])

interface Decision {
  status: number
  decision: AuditFields['decision']
  reason: string
}

/** Cached by file modification time, so the broker sees `disconnect` and revocations within one request. */
class StatCache<T> {
  #stamp = ''
  #value: T
  constructor(
    private readonly path: string,
    private readonly load: () => T,
    empty: T,
  ) {
    this.#value = empty
  }

  get(): T {
    // Inode too: files are replaced by rename, and two replacements can share a modification time.
    let stamp = 'missing'
    try {
      const st = statSync(this.path)
      stamp = `${st.ino}:${st.mtimeMs}:${st.size}`
    } catch {
      stamp = 'missing'
    }
    if (stamp !== this.#stamp) {
      this.#value = this.load()
      this.#stamp = stamp
    }
    return this.#value
  }
}

/**
 * Starts the broker: every request is decided (session, tenant, policy, audit) before any upstream
 * connection is made; allowed ones get the real credential attached and stream both ways unbuffered.
 */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const host = options.host ?? '127.0.0.1'
  const paths = brokerPaths(options.home)
  const sessionKey = loadSessionKey(options.home)
  const audit = new AuditLogWriter(paths.auditDir, loadOrCreateKeyFile(paths.auditKey, paths.auditDir), (client) => warn(`Can't write the audit log of ${client}.`))
  const bindings = new StatCache<WorkspaceBinding[]>(paths.bindings, () => readWorkspaceBindings(options.home), [])
  const revoked = new StatCache<Map<string, number>>(paths.revoked, () => readRevokedSessions(options.home), new Map())
  const timeoutMs = options.upstreamTimeoutMs ?? 60_000
  const maxBytes = options.maxRequestBytes ?? 10 * 1024 * 1024
  const cacheMs = options.secretCacheMs ?? 30_000
  const secrets = new Map<string, {value: SecretValue; at: number}>()
  const httpAgent = new HttpAgent({keepAlive: true, maxSockets: 256})
  const httpsAgent = new HttpsAgent({keepAlive: true, maxSockets: 256})
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
  // Verified signatures, so a busy agent's token is not re-hashed per request; expiry and revocation still are.
  const verified = new Map<string, SessionClaims>()
  // When each session's launcher was last seen alive: at most one /proc read per session every 200 ms.
  const launcherSeen = new Map<string, number>()

  const serverOptions = requestLimits(options.requestTimeoutMs ?? 30_000)
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch(() => {
      if (!res.headersSent) deny(res, {status: 500, decision: 'error', reason: 'broker-error'})
      else res.destroy()
    })
  }
  const server: Server = createServer(serverOptions, onRequest)
  server.keepAliveTimeout = 65_000
  const socketServer: Server | null = options.socketPath ? createServer(serverOptions, onRequest) : null
  for (const listening of socketServer ? [server, socketServer] : [server]) {
    listening.on('clientError', auditClientError)
    listening.on('connect', auditConnect)
  }

  /** What Node's parser refuses (a malformed request line, headers over the limit, a stalled request) is audited too. */
  function auditClientError(error: NodeJS.ErrnoException, socket: Socket): void {
    // A peer that hung up sent no request: nothing to decide or record.
    if (error.code === 'ECONNRESET') return void socket.destroy()
    const outcome: Decision =
      error.code === 'HPE_HEADER_OVERFLOW' ? {status: 431, decision: 'denied', reason: 'headers-too-large'} : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? {status: 408, decision: 'denied', reason: 'request-timeout'} : {status: 400, decision: 'denied', reason: 'bad-request'}
    recordUnauthenticated({method: '-', host: null, path: '(unparsed)'}, outcome)
    denyOnSocket(socket, outcome)
  }

  /** A CONNECT asks the broker to be a proxy it is not: refused and audited, the tunnel never opened. */
  function auditConnect(req: IncomingMessage, socket: Socket): void {
    recordUnauthenticated({method: 'CONNECT', host: req.url ?? null, path: '(connect)'}, {status: 405, decision: 'denied', reason: 'connect-refused'})
    denyOnSocket(socket, {status: 405, decision: 'denied', reason: 'connect-refused'})
  }

  function recordUnauthenticated(request: {method: string; host: string | null; path: string}, outcome: Decision): void {
    const record: AuditFields = {time: new Date().toISOString(), client: UNAUTHENTICATED_CLIENT, workspace: null, service: null, secret: null, ...request, status: outcome.status, decision: outcome.decision, reason: outcome.reason, durationMs: 0}
    try {
      audit.appendLazily(record)
    } catch {
      warn(`Can't write the audit log of ${UNAUTHENTICATED_CLIENT}.`)
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const target = req.url ?? ''
    const fields = {time: new Date().toISOString(), client: UNAUTHENTICATED_CLIENT, workspace: null as string | null, service: null as string | null, secret: null as string | null, method, host: null as string | null, path: '/'}
    // Set once the allowed decision is on disk: the outcome's record then completes that one.
    let pending: number | null = null
    const finish = (outcome: Decision, respond: boolean): void => {
      const record: AuditFields = {...fields, status: outcome.status, decision: outcome.decision, reason: outcome.reason, durationMs: Math.round((performance.now() - started) * 100) / 100}
      // Written before the answer, flushed with the next decision record: neither waits for an fsync of its own.
      try {
        audit.appendLazily(record, {completes: pending})
      } catch {
        warn(`Can't write the audit log of ${fields.client}: requests for it are refused until it is writable.`)
      }
      if (respond) deny(res, outcome)
    }
    const refuse = (status: number, reason: string): void => finish({status, decision: 'denied', reason}, true)

    if (method === 'GET' && target === '/_outloop/health') {
      res.writeHead(200, {'content-type': 'application/json'}).end('{"ok":true}')
      return
    }
    // Origin-form only: "GET http://elsewhere/ HTTP/1.1" or "//host/x" must never choose where we connect.
    if (!target.startsWith('/') || target.startsWith('//') || method === 'CONNECT') {
      fields.path = '(absolute-uri)'
      req.resume()
      return refuse(400, 'absolute-uri')
    }
    const queryAt = target.indexOf('?')
    let rawPath = queryAt < 0 ? target : target.slice(0, queryAt)
    const query = queryAt < 0 ? '' : target.slice(queryAt + 1)

    let token = headerValue(req, SESSION_HEADER)
    if (rawPath.startsWith('/_t/')) {
      const end = rawPath.indexOf('/', 4)
      token = end < 0 ? rawPath.slice(4) : rawPath.slice(4, end)
      rawPath = end < 0 ? '/' : rawPath.slice(end)
    }
    fields.path = rawPath.length > 2048 ? rawPath.slice(0, 2048) : rawPath
    const session = checkSession(token)
    if (!session.ok) {
      req.resume()
      return refuse(401, session.reason)
    }
    const claims = session.claims
    fields.client = claims.tenant
    fields.workspace = claims.workspace

    // Decoded dot segments, encoded slashes and backslashes are how a path glob gets walked around.
    if (!isPlainPath(rawPath)) {
      req.resume()
      return refuse(400, 'bad-path')
    }
    const second = rawPath.indexOf('/', 1)
    const serviceName = second < 0 ? rawPath.slice(1) : rawPath.slice(1, second)
    const servicePath = second < 0 ? '/' : rawPath.slice(second)
    fields.service = serviceName || null
    fields.path = servicePath
    // One policy decides the whole request, even when a reload lands while it is in flight.
    const policy = currentPolicy()
    const service = policy.services.get(serviceName)
    if (service) fields.host = upstreamUrl(service).host

    // The tenant is the binding's; a placeholder naming any other client is refused outright.
    const placed = readPlaceholders(req.rawHeaders, query, rawPath, claims.tenant)
    if (!placed.ok) {
      req.resume()
      return refuse(placed.status, placed.reason)
    }
    const named = placed.named
    if (named) fields.secret = named

    const verdict = evaluatePolicy(policy, {tenant: claims.tenant, service: serviceName, method, path: servicePath, secret: named})
    if (!verdict.allowed) {
      req.resume()
      return refuse(403, verdict.reason)
    }
    fields.secret = verdict.secret
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxBytes) {
      req.resume()
      return refuse(413, 'request-too-large')
    }
    // A body without content-length is read in full first: one over the limit must never reach the upstream.
    const unsized = req.headers['transfer-encoding'] === undefined ? null : await readUnsizedBody(req, maxBytes)
    if (unsized === 'too-large') {
      res.setHeader('connection', 'close')
      return refuse(413, 'request-too-large')
    }
    if (unsized === 'aborted') return finish({status: 499, decision: 'error', reason: 'client-closed'}, false)
    if (!audit.isWritable(claims.tenant)) {
      req.resume()
      warn(`Can't write the audit log of ${claims.tenant}: refusing its requests.`)
      return deny(res, {status: 503, decision: 'denied', reason: 'audit-unavailable'})
    }
    const secret = await readSecret(claims.tenant, verdict.secret)
    if (!secret) {
      req.resume()
      return refuse(502, 'secret-missing')
    }
    if (UNSAFE_IN_HEADER.test(secret.reveal())) {
      req.resume()
      return refuse(502, 'secret-invalid')
    }
    // The decision is on disk (fsync) before the upstream hears of the request; one that can't be recorded is refused.
    try {
      const decided: AuditFields = {...fields, status: 0, decision: 'allowed', reason: 'allowed', durationMs: Math.round((performance.now() - started) * 100) / 100}
      pending = (await audit.appendDurable(decided, {phase: 'pending'})).seq
    } catch {
      req.resume()
      warn(`Can't write the audit log of ${claims.tenant}: refusing its requests.`)
      return deny(res, {status: 503, decision: 'denied', reason: 'audit-unavailable'})
    }
    if (res.destroyed) return finish({status: 499, decision: 'error', reason: 'client-closed'}, false)
    forward(req, res, verdict.service, servicePath, query, secret, unsized, (outcome) => finish(outcome, false), (outcome) => finish(outcome, true))
  }

  function forward(req: IncomingMessage, res: ServerResponse, service: ServiceDefinition, path: string, query: string, secret: SecretValue, body: Buffer | null, done: (o: Decision) => void, fail: (o: Decision) => void): void {
    const base = upstreamUrl(service)
    const headers: OutgoingHttpHeaders = {}
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i].toLowerCase()
      const value = req.rawHeaders[i + 1]
      // A header that held a placeholder is replaced by the credential, never passed on with the reference.
      if (HOP_BY_HOP.has(name) || overridesRoute(name) || value.includes('outloop://')) continue
      if (service.auth.kind === 'header' && name === service.auth.header) continue
      const existing = headers[name]
      headers[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [String(existing), value]
    }
    headers.host = base.host
    if (body) headers['content-length'] = String(body.length)
    if (service.auth.kind === 'header') headers[service.auth.header] = service.auth.template.replace('{secret}', () => secret.reveal())
    let search = query
    if (service.auth.kind === 'query') {
      const params = new URLSearchParams(query)
      params.set(service.auth.param, secret.reveal())
      search = params.toString()
    }
    const prefix = base.pathname === '/' ? '' : base.pathname
    const upstreamPath = prefix + path + (search ? `?${search}` : '')
    const send = base.protocol === 'https:' ? httpsRequest : httpRequest
    let settled = false
    const settle = (outcome: Decision, respond: boolean): void => {
      if (settled) return
      settled = true
      if (respond && !res.headersSent) fail(outcome)
      else {
        done(outcome)
        if (!res.writableEnded) res.destroy()
      }
    }
    const upstream = send({protocol: base.protocol, hostname: base.hostname, port: base.port || undefined, method: req.method, path: upstreamPath, headers, agent: base.protocol === 'https:' ? httpsAgent : httpAgent, timeout: timeoutMs})
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
        done({status: answer.statusCode ?? 0, decision: 'allowed', reason: answer.statusCode && answer.statusCode >= 500 ? 'upstream-status' : 'allowed'})
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

  function checkSession(token: string | undefined): {ok: true; claims: SessionClaims} | {ok: false; reason: string} {
    let claims = token ? verified.get(token) : undefined
    if (!claims) {
      const fresh = verifySessionToken(sessionKey, token)
      if (!fresh.ok) return fresh
      claims = fresh.claims
      if (verified.size >= 1024) verified.clear()
      verified.set(token!, claims)
    }
    if (claims.expiresAt <= Date.now()) return {ok: false, reason: 'expired-token'}
    const checked = {ok: true as const, claims}
    const revokedNow = revoked.get()
    if (revokedNow.has(checked.claims.id) || revokedNow.has('*')) return {ok: false, reason: 'revoked-token'}
    // A session lives only as long as the outloop run that launched it: an agent orphaned by a killed launcher is refused.
    const launcher = checked.claims.launcher
    if (launcher) {
      const now = Date.now()
      if ((launcherSeen.get(checked.claims.id) ?? 0) < now - 200) {
        if (!isLauncherAlive(launcher)) {
          launcherSeen.delete(checked.claims.id)
          return {ok: false, reason: 'launcher-gone'}
        }
        if (launcherSeen.size >= 1024) launcherSeen.clear()
        launcherSeen.set(checked.claims.id, now)
      }
    }
    // The binding decides the tenant: a disconnected or rebound folder invalidates its sessions at once.
    const binding = findWorkspaceBinding(bindings.get(), checked.claims.workspace)
    if (!binding || binding.dir !== checked.claims.workspace || binding.tenant !== checked.claims.tenant) return {ok: false, reason: 'unbound-workspace'}
    // outloop.* entries (migration backup keys, template values) are outloop's own: no session ever acts as them.
    if (checked.claims.tenant.startsWith('outloop.')) return {ok: false, reason: 'unbound-workspace'}
    // Disconnecting and connecting the folder again ends its old sessions: a token minted before is refused.
    if (!(checked.claims.issuedAt >= Date.parse(binding.connectedAt))) return {ok: false, reason: 'stale-token'}
    return checked
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
    close: async () => {
      for (const running of socketServer ? [server, socketServer] : [server]) {
        running.closeAllConnections()
        await new Promise<void>((resolvePromise) => running.close(() => resolvePromise()))
      }
      httpAgent.destroy()
      httpsAgent.destroy()
      audit.close()
    },
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The Node server limits: a request's headers and body must arrive within `requestTimeoutMs`. */
function requestLimits(requestTimeoutMs: number): ServerOptions {
  // Node checks the deadlines only every connectionsCheckingInterval (30 s unless told), which would double them.
  return {requestTimeout: requestTimeoutMs, headersTimeout: Math.min(30_000, requestTimeoutMs), connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestTimeoutMs / 4))), maxHeaderSize: 32 * 1024}
}

/** Whether a request header tells an upstream to use another method, path or host than the one granted. */
function overridesRoute(name: string): boolean {
  return ROUTE_OVERRIDING.has(name) || name.startsWith('x-forwarded-')
}

/**
 * Reads a body sent without content-length (chunked) into memory, up to `maxBytes`, so that one over the
 * limit is refused before any upstream connection; streaming it would have sent the key and the first
 * megabytes before the count went over.
 */
function readUnsizedBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'aborted'> {
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
function isPlainPath(path: string): boolean {
  const forms = decodedForms(path)
  return forms !== null && forms.every((form) => !/%2e|%2f|%5c|\\|[\0-\x1f\x7f]/i.test(form) && !form.split('/').some((part) => part === '..' || part === '.'))
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
 * framework might decode them to (percent-encoded once, twice, …, in capitals): another client's anywhere is
 * refused. The first own one in the headers, else the query, names the secret; one in the path names nothing.
 * `outloop://@client/<name>` is the session's own client's by definition: it is never a mismatch.
 */
function readPlaceholders(rawHeaders: readonly string[], query: string, path: string, tenant: string): {ok: true; named: string | undefined} | {ok: false; status: number; reason: string} {
  const naming: string[] = []
  for (let i = 1; i < rawHeaders.length; i += 2) naming.push(rawHeaders[i])
  naming.push(query)
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

function denyBody(outcome: Decision): string {
  return JSON.stringify({error: {type: 'outloop_denied', status: outcome.status, reason: outcome.reason, message: DENY_MESSAGES[outcome.reason] ?? 'Refused by the outloop broker.'}})
}

function deny(res: ServerResponse, outcome: Decision): void {
  if (res.headersSent) return
  const body = denyBody(outcome)
  res.writeHead(outcome.status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)}).end(body)
}

/** The same refusal written straight to a socket Node's HTTP layer has let go of (a parse error, a CONNECT). */
function denyOnSocket(socket: Socket, outcome: Decision): void {
  socket.on('error', () => socket.destroy())
  // As Node does: an answer only on a socket nothing was written to yet, never in the middle of another response.
  if (!socket.writable || socket.bytesWritten > 0) return void socket.destroy()
  const body = denyBody(outcome)
  socket.end(`HTTP/1.1 ${outcome.status} ${STATUS_CODES[outcome.status] ?? 'Error'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`)
}

const DENY_MESSAGES: Record<string, string> = {
  'missing-token': 'No outloop session: start the agent with outloop run, or send its session token.',
  'invalid-token': 'The outloop session token is not valid.',
  'expired-token': 'The outloop session has expired: start the agent again with outloop run.',
  'revoked-token': 'The outloop session was revoked.',
  'launcher-gone': 'The outloop run that started this session has ended, and the session with it.',
  'unbound-workspace': 'The folder of this session is no longer connected (outloop connect).',
  'stale-token': 'The folder of this session was connected again after the session started: start the agent again with outloop run.',
  'tenant-mismatch': "The request names another client's secret: this session may only use its own client's secrets.",
  'absolute-uri': 'The broker accepts only paths (/service/...), never an absolute URL.',
  'connect-refused': 'The broker is not a proxy: it opens no CONNECT tunnel. Send requests to /service/... instead.',
  'bad-request': 'The request is not valid HTTP/1.1.',
  'headers-too-large': "The request's headers are over the broker's limit.",
  'request-timeout': 'The request did not arrive in time.',
  'bad-path': 'The path has encoded or dot segments the broker does not forward.',
  'bad-encoding': 'The request is percent-encoded more deeply than the broker checks.',
  'audit-unavailable': "The audit log can't be written, so the broker refuses to forward requests.",
  'request-too-large': "The request body is over the broker's limit (outloop serve --max-request-mb).",
  'upstream-error': "The broker could not reach the service's upstream (connection, DNS or TLS failure).",
  'upstream-timeout': 'The service upstream did not answer in time (outloop serve --timeout).',
  'unknown-service': 'The policy names no such service.',
  'no-client-policy': 'The policy grants this client nothing.',
  'secret-not-allowed': 'The policy does not grant this client that secret.',
  'service-not-allowed': 'The policy does not grant this client that service.',
  'method-not-allowed': 'The policy does not grant this client that method here.',
  'path-not-allowed': 'The policy does not grant this client that path.',
}
