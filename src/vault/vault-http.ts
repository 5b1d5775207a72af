import {readFileSync} from 'node:fs'
import {request as httpRequest} from 'node:http'
import {request as httpsRequest} from 'node:https'

import {UserError} from '../lib/errors.js'
import type {SecretValue} from '../lib/secret-value.js'

/** One answer of Vault's HTTP API: the status and the parsed JSON body (null when there is none). */
export interface VaultResponse {
  readonly status: number
  readonly body: Record<string, unknown> | null
}

export interface VaultHttpOptions {
  /** VAULT_ADDR, e.g. https://vault.example.com:8200 */
  readonly address: string
  /** VAULT_TOKEN */
  readonly token: SecretValue
  /** A PEM file of CAs to trust (VAULT_CACERT). */
  readonly caFile?: string
  readonly timeoutMs?: number
}

/**
 * Vault's (and OpenBao's) HTTP API, `v1/<path>` with the token and namespace headers: the transport the KV v2
 * store is written over. Network failures come back as what to check; Vault's own answers are returned as they
 * are, for the caller to read in its own terms.
 */
export class VaultHttpClient {
  /** The server's origin, for messages. */
  readonly origin: string
  readonly #options: VaultHttpOptions
  readonly #ca: Buffer | undefined

  constructor(options: VaultHttpOptions) {
    let address: URL
    try {
      address = new URL(options.address)
    } catch {
      throw new UserError(`VAULT_ADDR is not a URL: "${options.address.slice(0, 100)}".`, 'Set it like https://vault.example.com:8200')
    }
    if (address.protocol !== 'http:' && address.protocol !== 'https:') throw new UserError(`VAULT_ADDR must start with https:// or http://, not ${address.protocol}`, 'Set it like https://vault.example.com:8200')
    this.origin = address.origin
    this.#options = options
    this.#ca = options.caFile ? readFileSync(options.caFile) : undefined
  }

  request(method: string, apiPath: string, namespace: string | undefined, body?: unknown): Promise<VaultResponse> {
    const url = new URL(`v1/${apiPath}`, this.#options.address.endsWith('/') ? this.#options.address : this.#options.address + '/')
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const headers: Record<string, string> = {'X-Vault-Token': this.#options.token.reveal(), 'X-Vault-Request': 'true'}
    if (namespace) headers['X-Vault-Namespace'] = namespace
    if (payload) {
      headers['Content-Type'] = 'application/json'
      headers['Content-Length'] = String(payload.length)
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    return new Promise((resolve, reject) => {
      const req = send(url, {method, headers, ca: this.#ca, timeout: this.#options.timeoutMs ?? 15_000}, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: Record<string, unknown> | null = null
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null
          } catch {
            parsed = null
          }
          resolve({status: res.statusCode ?? 0, body: parsed})
        })
        res.on('error', reject)
      })
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), {code: 'ETIMEDOUT'})))
      req.on('error', (error: NodeJS.ErrnoException) => {
        const origin = url.origin
        if (error.code === 'ECONNREFUSED') reject(new UserError(`Can't reach Vault at ${origin}: connection refused.`, 'Check VAULT_ADDR and that the server is running.'))
        else if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') reject(new UserError(`Can't reach Vault at ${origin}: the host name does not resolve.`, 'Check VAULT_ADDR.'))
        else if (error.code === 'ETIMEDOUT') reject(new UserError(`Vault at ${origin} did not answer in time.`, 'Check VAULT_ADDR and your network, then retry.'))
        else if (/certificate|self.signed|CERT/i.test(`${error.code} ${error.message}`)) reject(new UserError(`Can't trust Vault's TLS certificate at ${origin} (${error.code ?? 'TLS error'}).`, 'Point VAULT_CACERT at the CA file that signed it.'))
        else reject(new UserError(`Can't talk to Vault at ${origin}: ${error.code ?? error.message}.`, 'Check VAULT_ADDR and your network.'))
      })
      if (payload) req.write(payload)
      req.end()
    })
  }

}

/** Vault's error messages of an answer, joined and cut (they never carry values). */
export function vaultErrors(response: VaultResponse): string {
  const errors = response.body?.errors
  return Array.isArray(errors) ? errors.map(String).join('; ').slice(0, 200) : ''
}

/** A 404 that means no mount answers the path (not a missing entry). */
export function isNoRoute(response: VaultResponse): boolean {
  return response.status === 404 && /no handler for route|route entry not found/i.test(vaultErrors(response))
}

/** A write that lost its check-and-set. */
export function isCasMismatch(response: VaultResponse): boolean {
  return response.status === 400 && /check-and-set/i.test(vaultErrors(response))
}
