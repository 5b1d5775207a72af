import {Agent, request} from 'node:http'

import {findWorkspaceBinding, readWorkspaceBindings, resolveWorkspaceDir, type WorkspaceBinding} from '../broker/bindings.js'
import {currentLauncher} from '../broker/launcher.js'
import {loadSessionKey, mintSessionToken, revokeSession, type SessionClaims} from '../broker/tokens.js'
import {UserError} from '../lib/errors.js'
import {loadFingerprintKey} from '../lib/fingerprint.js'
import type {SecretValue} from '../lib/secret-value.js'
import {checkCallArguments, type BrokerCall} from '../mcp/call-arguments.js'
import type {ResponseMaskSources} from '../mcp/mask-response.js'
import {describeClientServices, MAX_RESPONSE_BYTES, readDenial, renderBrokerResponse, renderDenial, renderServiceListing, type BrokerResponse, type McpSession} from '../mcp/results.js'
import type {Policy} from '../policy/types.js'
import {readFingerprintIndex} from '../vault/fingerprint-index.js'
import {formatSecretRef, parseSecretRef} from '../vault/ref.js'
import type {SecretStore} from '../vault/types.js'
import {findRunningBroker, loadBrokerPolicy} from './serve.js'

export type {McpSession} from '../mcp/results.js'

export interface McpSessionOptions {
  /** OUTLOOP_HOME */
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  /** The client folder (or a folder inside it). */
  readonly workspace: string
  readonly backend?: string
  /** Conversation for stderr (never a value). */
  readonly warn?: (message: string) => void
  /** Lifetime of each session token it mints; a fresh one is minted before it runs out. */
  readonly tokenTtlMs?: number
}

const SLACK_BYTES = 16 * 1024
const VALUE_CACHE_MS = 30_000

/**
 * The MCP server's side of the broker: the client is the folder's binding when it starts and never changes;
 * every call goes to the running broker as /<service><path> with a session token minted for that client, so it
 * gets exactly the broker's decision and audit. A missing broker, a refusal, a bad argument is a tool error.
 */
export function openMcpSession(options: McpSessionOptions): McpSession {
  const dir = resolveWorkspaceDir(options.workspace)
  const binding = findWorkspaceBinding(readWorkspaceBindings(options.home), dir)
  if (!binding) throw new UserError(`${dir} is not connected to a client.`, `outloop connect ${dir} --tenant <client>, then start outloop mcp again.`)
  const tenant = binding.tenant
  const ttlMs = options.tokenTtlMs ?? 60 * 60 * 1000
  const agent = new Agent({keepAlive: true, maxSockets: 8})
  const minted: SessionClaims[] = []
  let current: {token: string; claims: SessionClaims} | null = null
  let lastPolicy: Policy | null = null
  let masks: {at: number; values: Array<{value: SecretValue; label: string}>} | null = null
  let store: SecretStore | null | undefined
  let vaultNoted = false

  const policyNow = (): {policy: Policy | null; problem: string | null} => {
    try {
      lastPolicy = loadBrokerPolicy(options.home).policy
      return {policy: lastPolicy, problem: null}
    } catch (error) {
      // As the broker does: an invalid edit keeps the last good policy.
      if (error instanceof UserError) return {policy: lastPolicy, problem: error.message}
      throw error
    }
  }

  /** The binding still says this client: a folder rebound or disconnected since is not followed. */
  const stillBound = (): WorkspaceBinding | null => {
    const now = findWorkspaceBinding(readWorkspaceBindings(options.home), dir)
    return now && now.dir === binding.dir && now.tenant === tenant ? now : null
  }

  const token = (fresh: boolean): string => {
    if (!fresh && current && current.claims.expiresAt - Date.now() > 60_000) return current.token
    current = mintSessionToken(loadSessionKey(options.home), {tenant, workspace: binding.dir, expiresAt: Date.now() + ttlMs, launcher: currentLauncher()})
    minted.push(current.claims)
    return current.token
  }

  const maskSources = async (policy: Policy | null): Promise<ResponseMaskSources> => {
    const {key} = loadFingerprintKey(options.home)
    const labels = new Map<string, string>()
    for (const [fingerprint, refs] of readFingerprintIndex(options.home)) {
      const own = refs.find((ref) => parseSecretRef(ref).tenant === tenant)
      labels.set(fingerprint, `[${own ?? 'masked: an outloop vault value'}]`)
    }
    return {values: await grantedValues(policy), fingerprints: {key, labels}}
  }

  // The vault is opened only where that needs no prompt (OUTLOOP_PASSPHRASE, a master key in the keychain):
  // then echoed values are masked exactly; otherwise the fingerprint index catches whole key-shaped tokens.
  const grantedValues = async (policy: Policy | null): Promise<Array<{value: SecretValue; label: string}>> => {
    if (masks && Date.now() - masks.at < VALUE_CACHE_MS) return masks.values
    const values: Array<{value: SecretValue; label: string}> = []
    try {
      if (store === undefined) {
        const {openVaultForService} = await import('./vault/store.js')
        store = openVaultForService({home: options.home, env: options.env, backend: options.backend, interactive: false}).store
      }
      if (store) {
        for (const name of new Set((policy?.clients.get(tenant) ?? []).map((grant) => grant.secret))) {
          const entry = await store.get({tenant, name})
          if (entry && entry.value.length > 0) values.push({value: entry.value, label: `[${formatSecretRef({tenant, name})}]`})
        }
      }
    } catch {
      store = null
      if (!vaultNoted) options.warn?.('The vault is locked for outloop mcp (no OUTLOOP_PASSPHRASE): values an upstream echoes back are masked by their fingerprints only.')
      vaultNoted = true
    }
    masks = {at: Date.now(), values}
    return values
  }

  return {
    tenant,
    workspace: binding.dir,

    async listServices() {
      const {policy, problem} = policyNow()
      if (!policy) return {isError: true, text: `No policy to list: ${problem ?? 'none'}`}
      const broker = await findRunningBroker(options.home)
      const outcome = renderServiceListing(tenant, describeClientServices(policy, tenant), broker?.url ?? null)
      return problem ? {...outcome, text: `${outcome.text}\n(policy.yaml has an error; this is the last good policy: ${problem})`} : outcome
    },

    async callApi(args) {
      const checked = checkCallArguments(args, tenant)
      if (!checked.ok) return {isError: true, text: checked.message}
      if (!stillBound()) return {isError: true, text: `This folder is no longer connected to ${tenant}: outloop mcp serves the client it started with and stops here. Restart it after outloop connect.`}
      const broker = await findRunningBroker(options.home)
      if (!broker) return {isError: true, text: 'No outloop broker is running: start outloop serve (in a terminal, or its systemd unit), then call again.'}
      let response: BrokerResponse
      try {
        response = await sendToBroker(agent, broker.url, checked.call, token(false))
        let denial = readDenial(response)
        // Refused before any upstream contact, so a retry with a fresh token sends nothing twice.
        if (denial && (denial.reason === 'expired-token' || denial.reason === 'stale-token')) {
          response = await sendToBroker(agent, broker.url, checked.call, token(true))
          denial = readDenial(response)
        }
        if (denial) return renderDenial(denial)
      } catch (error) {
        return {isError: true, text: `Can't reach the outloop broker at ${broker.url}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`}
      }
      return renderBrokerResponse(response, await maskSources(policyNow().policy))
    },

    async close() {
      agent.destroy()
      for (const claims of minted.splice(0)) {
        try {
          await revokeSession(options.home, claims)
        } catch {
          // The token dies with this process anyway: it names it as its launcher.
        }
      }
    },
  }
}

/** One request to the broker; reads at most MAX_RESPONSE_BYTES plus slack, then lets the rest go. */
function sendToBroker(agent: Agent, base: string, call: BrokerCall, token: string): Promise<BrokerResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of call.headers) {
      const existing = headers[name.toLowerCase()]
      headers[name.toLowerCase()] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]
    }
    headers['x-outloop-session'] = token
    // Identity, so the body can be masked: a compressed echo of a key would pass any search.
    headers['accept-encoding'] = 'identity'
    if (call.body) headers['content-length'] = String(call.body.length)
    const path = `/${call.service}${call.path}${call.query ? `?${call.query}` : ''}`
    const url = new URL(base)
    // The path goes as given, not through a URL parser, which would resolve dot segments the broker must see.
    const req = request({protocol: url.protocol, hostname: url.hostname, port: url.port, path, method: call.method, headers, agent, timeout: 130_000}, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      let settled = false
      const finish = (complete: boolean): void => {
        if (settled) return
        settled = true
        resolve({status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks), complete})
      }
      res.on('data', (chunk: Buffer) => {
        if (settled) return
        chunks.push(chunk)
        size += chunk.length
        if (size > MAX_RESPONSE_BYTES + SLACK_BYTES) {
          finish(false)
          res.destroy()
        }
      })
      res.on('end', () => finish(true))
      res.on('error', () => finish(false))
      res.on('close', () => finish(res.complete))
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), {code: 'ETIMEDOUT'})))
    req.on('error', reject)
    req.end(call.body ?? undefined)
  })
}
