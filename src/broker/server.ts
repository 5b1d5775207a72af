import {createServer, request as httpRequest, Agent as HttpAgent, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse} from 'node:http'
import {request as httpsRequest, Agent as HttpsAgent} from 'node:https'
import {chmodSync, existsSync, lstatSync, statSync, unlinkSync} from 'node:fs'
import type {AddressInfo} from 'node:net'
import {performance} from 'node:perf_hooks'

import {AuditLogWriter, UNAUTHENTICATED_CLIENT, type AuditFields} from '../audit/log.js'
import {UserError} from '../lib/errors.js'
import type {SecretValue} from '../lib/secret-value.js'
import {evaluatePolicy} from '../policy/evaluate.js'
import type {Policy, ServiceDefinition} from '../policy/types.js'
import {findSecretRefs} from '../vault/ref.js'
import {findWorkspaceBinding, readWorkspaceBindings, type WorkspaceBinding} from './bindings.js'
import {brokerPaths, loadOrCreateKeyFile} from './files.js'
import {loadSessionKey, readRevokedSessions, verifySessionToken, type SessionClaims} from './tokens.js'

export interface BrokerOptions {
  /** OUTLOOP_HOME: bindings, session key, revocations, audit logs. */
  readonly home: string
  /** The policy, or a function giving the current one for each request (`outloop serve` reloads edits). */
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
  const audit = new AuditLogWriter(paths.auditDir, loadOrCreateKeyFile(paths.auditKey, paths.auditDir))
  const bindings = new StatCache<WorkspaceBinding[]>(paths.bindings, () => readWorkspaceBindings(options.home), [])
  const revoked = new StatCache<Map<string, number>>(paths.revoked, () => readRevokedSessions(options.home), new Map())
  const timeoutMs = options.upstreamTimeoutMs ?? 60_000
  const maxBytes = options.maxRequestBytes ?? 10 * 1024 * 1024
  const cacheMs = options.secretCacheMs ?? 30_000
  const secrets = new Map<string, {value: SecretValue; at: number}>()
  const httpAgent = new HttpAgent({keepAlive: true, maxSockets: 256})
  const httpsAgent = new HttpsAgent({keepAlive: true, maxSockets: 256})
  const warn = options.warn ?? (() => {})
  const policyNow = typeof options.policy === 'function' ? options.policy : ((fixed: Policy) => () => fixed)(options.policy)
  const upstreams = new Map<string, URL>()
  const upstreamUrl = (service: ServiceDefinition): URL => {
    let url = upstreams.get(service.upstream)
    if (!url) upstreams.set(service.upstream, (url = new URL(service.upstream)))
    return url
  }
  // Verified signatures, so a busy agent's token is not re-hashed per request; expiry and revocation still are.
  const verified = new Map<string, SessionClaims>()

  const serverOptions = {requestTimeout: 0, headersTimeout: 30_000, maxHeaderSize: 32 * 1024}
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch(() => {
      if (!res.headersSent) deny(res, {status: 500, decision: 'error', reason: 'broker-error'})
      else res.destroy()
    })
  }
  const server: Server = createServer(serverOptions, onRequest)
  server.keepAliveTimeout = 65_000
  const socketServer: Server | null = options.socketPath ? createServer(serverOptions, onRequest) : null

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const target = req.url ?? ''
    const fields = {time: new Date().toISOString(), client: UNAUTHENTICATED_CLIENT, workspace: null as string | null, service: null as string | null, secret: null as string | null, method, host: null as string | null, path: '/'}
    const finish = (outcome: Decision, respond: boolean): void => {
      const record: AuditFields = {...fields, status: outcome.status, decision: outcome.decision, reason: outcome.reason, durationMs: Math.round((performance.now() - started) * 100) / 100}
      try {
        audit.append(record)
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
    if (/%2e|%2f|%5c|\\|[\0-\x1f\x7f]/i.test(rawPath) || rawPath.split('/').some((part) => part === '..' || part === '.')) {
      req.resume()
      return refuse(400, 'bad-path')
    }
    const second = rawPath.indexOf('/', 1)
    const serviceName = second < 0 ? rawPath.slice(1) : rawPath.slice(1, second)
    const servicePath = second < 0 ? '/' : rawPath.slice(second)
    fields.service = serviceName || null
    fields.path = servicePath
    const policy = policyNow()
    const service = policy.services.get(serviceName)
    if (service) fields.host = upstreamUrl(service).host

    // The tenant is the binding's; a placeholder naming any other client is refused outright.
    let named: string | undefined
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const value = req.rawHeaders[i + 1]
      if (!value.includes('outloop://')) continue
      for (const found of findSecretRefs(value)) {
        if (found.ref.tenant !== claims.tenant) {
          req.resume()
          return refuse(403, 'tenant-mismatch')
        }
        named ??= found.ref.name
      }
    }
    if (query.includes('outloop')) {
      for (const found of findSecretRefs(safeDecode(query))) {
        if (found.ref.tenant !== claims.tenant) {
          req.resume()
          return refuse(403, 'tenant-mismatch')
        }
        named ??= found.ref.name
      }
    }
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
    forward(req, res, verdict.service, servicePath, query, secret, (outcome) => finish(outcome, false), (outcome) => finish(outcome, true))
  }

  function forward(req: IncomingMessage, res: ServerResponse, service: ServiceDefinition, path: string, query: string, secret: SecretValue, done: (o: Decision) => void, fail: (o: Decision) => void): void {
    const base = upstreamUrl(service)
    const headers: OutgoingHttpHeaders = {}
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i].toLowerCase()
      const value = req.rawHeaders[i + 1]
      // A header that held a placeholder is replaced by the credential, never passed on with the reference.
      if (HOP_BY_HOP.has(name) || value.includes('outloop://')) continue
      if (service.auth.kind === 'header' && name === service.auth.header) continue
      const existing = headers[name]
      headers[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [String(existing), value]
    }
    headers.host = base.host
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
    req.pipe(upstream)
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
    // The binding decides the tenant: a disconnected or rebound folder invalidates its sessions at once.
    const binding = findWorkspaceBinding(bindings.get(), checked.claims.workspace)
    if (!binding || binding.dir !== checked.claims.workspace || binding.tenant !== checked.claims.tenant) return {ok: false, reason: 'unbound-workspace'}
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return text
  }
}

function deny(res: ServerResponse, outcome: Decision): void {
  if (res.headersSent) return
  const body = JSON.stringify({error: {type: 'outloop_denied', status: outcome.status, reason: outcome.reason, message: DENY_MESSAGES[outcome.reason] ?? 'Refused by the outloop broker.'}})
  res.writeHead(outcome.status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)}).end(body)
}

const DENY_MESSAGES: Record<string, string> = {
  'missing-token': 'No outloop session: start the agent with outloop run, or send its session token.',
  'invalid-token': 'The outloop session token is not valid.',
  'expired-token': 'The outloop session has expired: start the agent again with outloop run.',
  'revoked-token': 'The outloop session was revoked.',
  'unbound-workspace': 'The folder of this session is no longer connected (outloop connect).',
  'tenant-mismatch': "The request names another client's secret: this session may only use its own client's secrets.",
  'absolute-uri': 'The broker accepts only paths (/service/...), never an absolute URL.',
  'bad-path': 'The path has encoded or dot segments the broker does not forward.',
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
