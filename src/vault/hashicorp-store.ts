import {UserError} from '../lib/errors.js'
import {fingerprintSecret} from '../lib/fingerprint.js'
import {SecretValue} from '../lib/secret-value.js'
import {compareSecretRefs, formatSecretRef, isValidSecretName, type SecretRef} from './ref.js'
import {isCasMismatch, isNoRoute, VaultHttpClient, vaultErrors, type VaultResponse} from './vault-http.js'
import {VaultConflictError, type PutSecretInput, type SecretEntryInfo, type SecretSources, type SecretStore, type SecretVersionInfo, type StoredSecret} from './types.js'

/** Where tenants go: a path under the prefix (`secret/outloop/acme/…`), or a child namespace each (`ns/acme`). */
export type TenantLayout = 'path' | 'namespace'

export interface HashicorpSecretStoreOptions {
  /** VAULT_ADDR, e.g. https://vault.example.com:8200 */
  readonly address: string
  /** VAULT_TOKEN */
  readonly token: SecretValue
  /** VAULT_NAMESPACE (Vault Enterprise, HCP Vault, OpenBao); with the namespace layout, tenants are its children. */
  readonly namespace?: string
  /** The KV v2 mount (default "secret"). */
  readonly mount?: string
  /** The path under the mount that outloop owns (default "outloop"; "" for the mount's root). */
  readonly prefix?: string
  readonly tenantLayout?: TenantLayout
  readonly fingerprintKey: Buffer
  /** A PEM file of CAs to trust (VAULT_CACERT). */
  readonly caFile?: string
  readonly timeoutMs?: number
  /** Retries when a write without expectedVersion loses a check-and-set race. */
  readonly casRetries?: number
}

interface KvMetadata {
  current_version: number
  created_time: string
  updated_time: string
  versions: Record<string, {created_time: string; deletion_time: string; destroyed: boolean}>
  custom_metadata: Record<string, string> | null
}

const LIST_CONCURRENCY = 8

/**
 * HashiCorp Vault or OpenBao, KV version 2, over its HTTP API (`vault-http.ts`). Each entry is one KV secret whose data holds
 * the value and that version's metadata; the entry's current metadata is also kept in the secret's
 * custom_metadata, so listing reads metadata only. Every write is a check-and-set.
 */
export class HashicorpSecretStore implements SecretStore {
  readonly backend = 'hashicorp' as const
  readonly location: string
  readonly #options: HashicorpSecretStoreOptions
  readonly #mount: string
  readonly #prefix: string
  readonly #layout: TenantLayout
  readonly #http: VaultHttpClient

  constructor(options: HashicorpSecretStoreOptions) {
    this.#options = options
    this.#mount = trimSlashes(options.mount ?? 'secret')
    this.#prefix = trimSlashes(options.prefix ?? 'outloop')
    this.#layout = options.tenantLayout ?? 'path'
    this.#http = new VaultHttpClient(options)
    const where = [this.#mount, this.#prefix].filter(Boolean).join('/')
    this.location = `Vault at ${this.#http.origin} (${options.namespace ? `namespace ${options.namespace}, ` : ''}${where}/)`
  }

  async get(ref: SecretRef): Promise<StoredSecret | null> {
    return this.#readVersion(ref, undefined)
  }

  async getVersion(ref: SecretRef, version: number): Promise<StoredSecret | null> {
    return this.#readVersion(ref, version)
  }

  async info(ref: SecretRef): Promise<SecretEntryInfo | null> {
    const metadata = await this.#metadata(ref)
    return metadata === null ? null : infoFromMetadata(ref, metadata)
  }

  async history(ref: SecretRef): Promise<SecretVersionInfo[]> {
    const metadata = await this.#metadata(ref)
    if (metadata === null) return []
    const versions = liveVersions(metadata).sort((a, b) => b - a)
    const out: SecretVersionInfo[] = []
    for (const version of versions) {
      const data = await this.#data(ref, version)
      if (data === null) continue
      out.push({version, createdAt: data.createdTime, fingerprint: data.fields.fingerprint, provider: data.fields.provider, sources: data.fields.sources})
    }
    return out
  }

  async put(ref: SecretRef, input: PutSecretInput): Promise<SecretEntryInfo> {
    const attempts = input.expectedVersion === undefined ? (this.#options.casRetries ?? 5) + 1 : 1
    for (let attempt = 1; ; attempt++) {
      const metadata = await this.#metadata(ref, true)
      const live = metadata !== null && liveVersions(metadata).length > 0
      const current = live ? metadata.current_version : 0
      if (input.expectedVersion !== undefined && input.expectedVersion !== current) throw new VaultConflictError(formatSecretRef(ref), input.expectedVersion, current)
      // Vault's check-and-set counts deleted versions too: send its number, compare ours.
      const expected = metadata?.current_version ?? 0
      // Provider and sources carry over from the version this write replaces.
      const previous = live ? await this.#data(ref, current) : null
      const fields: DataFields = {
        fingerprint: fingerprintSecret(this.#options.fingerprintKey, input.value),
        provider: input.provider === undefined ? (previous?.fields.provider ?? null) : input.provider,
        sources: input.sources ?? previous?.fields.sources ?? {files: [], count: 0},
      }
      const response = await this.#call('POST', ref, `data/${this.#path(ref)}`, {
        data: {value: input.value.reveal(), outloop: {schema: 'outloop.vault-entry/v1', ...fields}},
        options: {cas: expected},
      })
      if (isCasMismatch(response)) {
        if (attempt < attempts) continue
        const now = (await this.#metadata(ref))?.current_version ?? 0
        throw new VaultConflictError(formatSecretRef(ref), input.expectedVersion ?? current, now)
      }
      this.#check(response, 'write', ref)
      const written = response.body?.data as {version: number; created_time: string} | undefined
      if (!written || typeof written.version !== 'number') throw new UserError(`Vault accepted the write of ${formatSecretRef(ref)} but did not say which version it made.`, 'Check that the mount is KV version 2.')
      await this.#writeCustomMetadata(ref, fields, written.created_time)
      return {
        ref,
        provider: fields.provider,
        fingerprint: fields.fingerprint,
        sources: fields.sources,
        createdAt: live ? metadata.created_time : written.created_time,
        updatedAt: written.created_time,
        version: written.version,
        versions: (live ? liveVersions(metadata).length : 0) + 1,
      }
    }
  }

  async list(options: {tenant?: string} = {}): Promise<SecretEntryInfo[]> {
    const tenants = options.tenant === undefined ? await this.#tenants() : [options.tenant]
    const refs: SecretRef[] = []
    for (const tenant of tenants) {
      if (!isValidSecretName(tenant)) continue
      const folder = this.#layout === 'path' ? [this.#prefix, tenant].filter(Boolean).join('/') : this.#prefix
      for (const key of await this.#listKeys({tenant, name: ''}, folder)) {
        if (!key.endsWith('/') && isValidSecretName(key)) refs.push({tenant, name: key})
      }
    }
    const infos = await mapLimited(refs, LIST_CONCURRENCY, (ref) => this.info(ref))
    return infos.filter((i): i is SecretEntryInfo => i !== null).sort((a, b) => compareSecretRefs(a.ref, b.ref))
  }

  async remove(ref: SecretRef): Promise<boolean> {
    if ((await this.#metadata(ref)) === null) return false
    const response = await this.#call('DELETE', ref, `metadata/${this.#path(ref)}`)
    this.#check(response, 'delete', ref)
    return true
  }

  /** Checks that the address, token and mount work: one metadata read that may find nothing. */
  async verifyAccess(): Promise<void> {
    await this.list({tenant: 'outloop-access-check'})
  }

  #path(ref: SecretRef): string {
    return (this.#layout === 'path' ? [this.#prefix, ref.tenant, ref.name] : [this.#prefix, ref.name]).filter(Boolean).join('/')
  }

  #namespaceFor(tenant: string | null): string | undefined {
    if (this.#layout === 'path' || tenant === null) return this.#options.namespace
    return [trimSlashes(this.#options.namespace ?? ''), tenant].filter(Boolean).join('/')
  }

  async #tenants(): Promise<string[]> {
    if (this.#layout === 'path') {
      const keys = await this.#listKeys({tenant: '', name: ''}, this.#prefix)
      return keys.filter((k) => k.endsWith('/')).map((k) => k.slice(0, -1))
    }
    const response = await this.#http.request('GET', 'sys/namespaces?list=true', this.#options.namespace)
    if (response.status === 404) return []
    this.#check(response, 'list namespaces', null)
    const keys = ((response.body?.data as {keys?: unknown})?.keys ?? []) as unknown[]
    return keys.filter((k): k is string => typeof k === 'string').map((k) => trimSlashes(k))
  }

  async #listKeys(ref: SecretRef, folder: string): Promise<string[]> {
    const response = await this.#call('GET', ref, `metadata/${folder}${folder ? '/' : ''}?list=true`)
    if (response.status === 404) return []
    this.#check(response, 'list', null)
    const keys = (response.body?.data as {keys?: unknown})?.keys
    return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : []
  }

  async #metadata(ref: SecretRef, includeDeleted = false): Promise<KvMetadata | null> {
    const response = await this.#call('GET', ref, `metadata/${this.#path(ref)}`)
    if (response.status === 404 && !isNoRoute(response)) return null
    this.#check(response, 'read metadata of', ref)
    const metadata = response.body?.data as KvMetadata | undefined
    if (!metadata || typeof metadata.current_version !== 'number') throw new UserError(`Vault's answer for ${formatSecretRef(ref)} is not KV version 2 metadata.`, `Check that ${this.#mount}/ is a KV version 2 mount.`)
    if (!includeDeleted && liveVersions(metadata).length === 0) return null
    return metadata
  }

  async #data(ref: SecretRef, version: number | undefined): Promise<{value: SecretValue; version: number; createdTime: string; fields: DataFields} | null> {
    const response = await this.#call('GET', ref, `data/${this.#path(ref)}${version === undefined ? '' : `?version=${version}`}`)
    if (response.status === 404 && !isNoRoute(response)) return null
    this.#check(response, 'read', ref)
    const body = response.body?.data as {data?: Record<string, unknown> | null; metadata?: {version: number; created_time: string}} | undefined
    if (!body?.data || !body.metadata) return null
    const value = body.data.value
    if (typeof value !== 'string') throw new UserError(`${formatSecretRef(ref)} in Vault has no "value" field: it was not written by outloop.`, 'Write it with outloop vault set, or store the key under a "value" field.')
    const meta = (body.data.outloop ?? {}) as Partial<DataFields>
    return {
      value: new SecretValue(value),
      version: body.metadata.version,
      createdTime: body.metadata.created_time,
      fields: {
        fingerprint: typeof meta.fingerprint === 'string' ? meta.fingerprint : fingerprintSecret(this.#options.fingerprintKey, new SecretValue(value)),
        provider: typeof meta.provider === 'string' ? meta.provider : null,
        sources: normalizeSources(meta.sources),
      },
    }
  }

  async #readVersion(ref: SecretRef, version: number | undefined): Promise<StoredSecret | null> {
    const metadata = await this.#metadata(ref)
    if (metadata === null) return null
    if (version !== undefined && !liveVersions(metadata).includes(version)) return null
    const data = await this.#data(ref, version ?? metadata.current_version)
    if (data === null) return null
    return {info: infoFromMetadata(ref, metadata), version: data.version, value: data.value}
  }

  async #writeCustomMetadata(ref: SecretRef, fields: DataFields, updatedAt: string): Promise<void> {
    const files: string[] = []
    for (const file of fields.sources.files) {
      if (JSON.stringify([...files, file]).length > 500) break
      files.push(file)
    }
    const custom_metadata: Record<string, string> = {
      'outloop-schema': 'outloop.vault-entry/v1',
      fingerprint: fields.fingerprint,
      provider: fields.provider ?? '',
      'source-count': String(fields.sources.count),
      'source-files': JSON.stringify(files),
      'source-files-total': String(fields.sources.files.length),
      updated: updatedAt,
    }
    const response = await this.#call('POST', ref, `metadata/${this.#path(ref)}`, {custom_metadata})
    this.#check(response, 'write metadata of', ref)
  }

  #call(method: string, ref: SecretRef, path: string, body?: unknown): Promise<VaultResponse> {
    return this.#http.request(method, `${this.#mount}/${path}`, this.#namespaceFor(ref.tenant || null), body)
  }

  /** Turns Vault's error answers into what to do about them. Vault's own messages never carry values. */
  #check(response: VaultResponse, doing: string, ref: SecretRef | null): void {
    if (response.status >= 200 && response.status < 300) return
    const what = ref ? `${doing} ${formatSecretRef(ref)}` : doing
    const errors = vaultErrors(response)
    const where = `${this.#mount}/${this.#prefix ? this.#prefix + '/' : ''}`
    if (response.status === 503 && /sealed/i.test(errors)) throw new UserError(`Vault is sealed: can't ${what}.`, 'Unseal it (vault operator unseal, or bao operator unseal) and try again.')
    if (response.status === 403) {
      throw new UserError(`Vault refused to ${what} (403 permission denied).`, `Check VAULT_TOKEN (expired or revoked?)${this.#options.namespace ? ` and VAULT_NAMESPACE` : ''}, and that its policy allows create, read, update, delete and list on ${where}* (data/ and metadata/).`)
    }
    if (isNoRoute(response)) {
      throw new UserError(`Vault has no KV version 2 mount at ${this.#mount}/.`, `Enable one (vault secrets enable -path=${this.#mount} kv-v2), or choose the mount with outloop init --vault hashicorp --vault-mount NAME.`)
    }
    if (response.status === 404) throw new UserError(`Vault found nothing to ${what} (404).`, `Check the mount (${this.#mount}) and VAULT_NAMESPACE.`)
    if (response.status === 429) throw new UserError(`Vault is rate-limiting requests: can't ${what}.`, 'Wait a moment and retry.')
    throw new UserError(`Vault answered ${response.status} when asked to ${what}${errors ? `: ${errors}` : ''}.`, 'Check the server and retry.')
  }
}

interface DataFields {
  readonly fingerprint: string
  readonly provider: string | null
  readonly sources: SecretSources
}

function infoFromMetadata(ref: SecretRef, metadata: KvMetadata): SecretEntryInfo {
  const custom = metadata.custom_metadata ?? {}
  const current = metadata.versions[String(metadata.current_version)]
  let files: string[] = []
  try {
    const parsed = JSON.parse(custom['source-files'] ?? '[]') as unknown
    if (Array.isArray(parsed)) files = parsed.map(String)
  } catch {
    files = []
  }
  return {
    ref,
    provider: custom.provider ? custom.provider : null,
    fingerprint: custom.fingerprint ?? '',
    sources: {files, count: Number(custom['source-count'] ?? 0) || 0},
    createdAt: metadata.created_time,
    updatedAt: current?.created_time ?? metadata.updated_time,
    version: metadata.current_version,
    versions: liveVersions(metadata).length,
  }
}

function liveVersions(metadata: KvMetadata): number[] {
  return Object.entries(metadata.versions ?? {})
    .filter(([, v]) => !v.destroyed && !v.deletion_time)
    .map(([k]) => Number(k))
}

function normalizeSources(raw: unknown): SecretSources {
  const s = raw as {files?: unknown; count?: unknown} | undefined
  return {files: Array.isArray(s?.files) ? s.files.map(String) : [], count: typeof s?.count === 'number' ? s.count : 0}
}

function trimSlashes(text: string): string {
  return text.replace(/^\/+|\/+$/g, '')
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  return out
}
