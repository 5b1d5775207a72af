import {SecretValue} from '../lib/secret-value.js'
import {formatSecretRef, isValidSecretName, type SecretRef} from './ref.js'
import {VaultConflictError, VaultUnreadableError, type PutSecretInput, type SecretEntryInfo, type SecretSources, type SecretVersionInfo, type StoredSecret} from './types.js'

/** The record format the file and keychain backends store per entry (inside their own encryption). */
export const ENTRY_RECORD_SCHEMA = 'outloop.vault-entry/v1'

/** Versions kept per entry unless a store is told otherwise: enough to undo a few rotations. */
export const DEFAULT_MAX_VERSIONS = 10

/** One version of an entry, value included. */
export interface VersionRecord {
  readonly version: number
  readonly createdAt: string
  readonly value: SecretValue
  readonly provider: string | null
  readonly fingerprint: string
  readonly sources: SecretSources
}

/** One entry with its kept versions, oldest first. */
export interface EntryRecord {
  readonly ref: SecretRef
  readonly createdAt: string
  readonly versions: readonly VersionRecord[]
}

/** The current version number of a record (0 when there is none), for check-and-set. */
export function currentVersionOf(record: EntryRecord | null): number {
  return record === null ? 0 : record.versions[record.versions.length - 1].version
}

/**
 * The record after one write: a new version on top (above `versionFloor` too, the highest version a store
 * knows was written), the oldest dropped past `maxVersions`, provider and sources carried over unless given.
 * Throws a VaultConflictError when `expectedVersion` is stale.
 */
export function applyPutToRecord(
  record: EntryRecord | null,
  ref: SecretRef,
  input: PutSecretInput,
  context: {now: string; fingerprint: string; maxVersions: number; versionFloor?: number},
): EntryRecord {
  const current = currentVersionOf(record)
  if (input.expectedVersion !== undefined && input.expectedVersion !== current) {
    throw new VaultConflictError(formatSecretRef(ref), input.expectedVersion, current)
  }
  const previous = record === null ? null : record.versions[record.versions.length - 1]
  const next: VersionRecord = {
    version: Math.max(current, context.versionFloor ?? 0) + 1,
    createdAt: context.now,
    value: input.value,
    provider: input.provider === undefined ? (previous?.provider ?? null) : input.provider,
    fingerprint: context.fingerprint,
    sources: input.sources ?? previous?.sources ?? {files: [], count: 0},
  }
  const versions = [...(record?.versions ?? []), next].slice(-Math.max(1, context.maxVersions))
  return {ref, createdAt: record?.createdAt ?? context.now, versions}
}

/** What a record tells about its entry, without the value. */
export function entryInfoFromRecord(record: EntryRecord): SecretEntryInfo {
  const current = record.versions[record.versions.length - 1]
  return {
    ref: record.ref,
    provider: current.provider,
    fingerprint: current.fingerprint,
    sources: current.sources,
    createdAt: record.createdAt,
    updatedAt: current.createdAt,
    version: current.version,
    versions: record.versions.length,
  }
}

/** The kept versions, newest first, without values. */
export function versionHistoryFromRecord(record: EntryRecord): SecretVersionInfo[] {
  return [...record.versions].reverse().map((v) => ({version: v.version, createdAt: v.createdAt, fingerprint: v.fingerprint, provider: v.provider, sources: v.sources}))
}

/** The stored secret at one version (the current one when `version` is undefined), or null. */
export function storedSecretFromRecord(record: EntryRecord, version?: number): StoredSecret | null {
  const found = version === undefined ? record.versions[record.versions.length - 1] : record.versions.find((v) => v.version === version)
  return found ? {info: entryInfoFromRecord(record), version: found.version, value: found.value} : null
}

/** The record as JSON text, values in clear: only for storage that encrypts it (the file vault, the keychain). */
export function serializeEntryRecord(record: EntryRecord): string {
  return JSON.stringify({
    schema: ENTRY_RECORD_SCHEMA,
    tenant: record.ref.tenant,
    name: record.ref.name,
    createdAt: record.createdAt,
    versions: record.versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      value: v.value.reveal(),
      provider: v.provider,
      fingerprint: v.fingerprint,
      sources: {files: [...v.sources.files], count: v.sources.count},
    })),
  })
}

/**
 * Reads a record back, checking its shape, so a damaged or foreign record is an error that names `where`,
 * never a crash deeper in. Never quotes the text: it holds values.
 */
export function parseEntryRecord(text: string, where: string): EntryRecord {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new VaultUnreadableError(`${where} is damaged: its entry record is not valid.`)
  }
  const bad = (): never => {
    throw new VaultUnreadableError(`${where} is damaged: its entry record is not valid.`)
  }
  if (typeof data !== 'object' || data === null) return bad()
  const o = data as Record<string, unknown>
  if (typeof o.schema !== 'string' || !o.schema.startsWith('outloop.vault-entry/')) return bad()
  if (o.schema !== ENTRY_RECORD_SCHEMA) {
    throw new VaultUnreadableError(`${where} was written by a newer outloop (${o.schema}).`, 'Upgrade outloop to read it; nothing was changed.')
  }
  if (typeof o.tenant !== 'string' || typeof o.name !== 'string' || !isValidSecretName(o.tenant) || !isValidSecretName(o.name)) return bad()
  if (typeof o.createdAt !== 'string' || !Array.isArray(o.versions) || o.versions.length === 0) return bad()
  const versions: VersionRecord[] = o.versions.map((raw: unknown) => {
    if (typeof raw !== 'object' || raw === null) return bad()
    const v = raw as Record<string, unknown>
    const sources = v.sources as Record<string, unknown> | undefined
    if (typeof v.version !== 'number' || typeof v.createdAt !== 'string' || typeof v.value !== 'string' || typeof v.fingerprint !== 'string') return bad()
    if (v.provider !== null && typeof v.provider !== 'string') return bad()
    if (!sources || !Array.isArray(sources.files) || typeof sources.count !== 'number') return bad()
    return {
      version: v.version,
      createdAt: v.createdAt,
      value: new SecretValue(v.value),
      provider: (v.provider as string | null) ?? null,
      fingerprint: v.fingerprint,
      sources: {files: sources.files.map(String), count: sources.count},
    }
  })
  return {ref: {tenant: o.tenant, name: o.name}, createdAt: o.createdAt, versions}
}

/**
 * The reads a store answers the same way whatever holds its records (encrypted files, keychain items): each
 * comes from the one record the store reads for an entry.
 */
export abstract class EntryRecordReads {
  protected abstract readRecord(ref: SecretRef): Promise<EntryRecord | null>

  async get(ref: SecretRef): Promise<StoredSecret | null> {
    const record = await this.readRecord(ref)
    return record === null ? null : storedSecretFromRecord(record)
  }

  async getVersion(ref: SecretRef, version: number): Promise<StoredSecret | null> {
    const record = await this.readRecord(ref)
    return record === null ? null : storedSecretFromRecord(record, version)
  }

  async info(ref: SecretRef): Promise<SecretEntryInfo | null> {
    const record = await this.readRecord(ref)
    return record === null ? null : entryInfoFromRecord(record)
  }

  async history(ref: SecretRef): Promise<SecretVersionInfo[]> {
    const record = await this.readRecord(ref)
    return record === null ? [] : versionHistoryFromRecord(record)
  }
}
