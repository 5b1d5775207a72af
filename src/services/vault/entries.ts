import {CancelledError, UserError} from '../../lib/errors.js'
import type {SecretValue} from '../../lib/secret-value.js'
import {formatSecretRef, type SecretRef} from '../../vault/ref.js'
import {VaultConflictError, type SecretEntryInfo, type SecretSources, type SecretVersionInfo, type VaultBackendKind} from '../../vault/types.js'
import {isInternalTenant} from '../../vault/internal.js'
import {openVaultForService, type VaultServiceOptions} from './store.js'

function notFound(ref: SecretRef, location: string): UserError {
  return new UserError(`There is no entry ${formatSecretRef(ref)} in ${location}.`, 'See what is there with outloop vault list, or add it with outloop vault set.')
}

/** Every entry's metadata (of one tenant), for `vault list`. */
export async function listVaultEntries(options: VaultServiceOptions & {tenant?: string}): Promise<{backend: VaultBackendKind; location: string; entries: SecretEntryInfo[]}> {
  const {store, backend} = openVaultForService(options)
  const entries = await store.list({tenant: options.tenant})
  // outloop's own entries (migration backup keys) are no client's: shown only when their tenant is asked for.
  return {backend, location: store.location, entries: options.tenant === undefined ? entries.filter((e) => !isInternalTenant(e.ref.tenant)) : entries}
}

/** One entry's metadata, and its value only when `reveal` is asked for (`vault get`). */
export async function getVaultEntry(options: VaultServiceOptions & {ref: SecretRef; reveal?: boolean; version?: number}): Promise<{info: SecretEntryInfo; version: number; value: SecretValue | null}> {
  const {store} = openVaultForService(options)
  if (!options.reveal && options.version === undefined) {
    const info = await store.info(options.ref)
    if (info === null) throw notFound(options.ref, store.location)
    return {info, version: info.version, value: null}
  }
  const stored = options.version === undefined ? await store.get(options.ref) : await store.getVersion(options.ref, options.version)
  if (stored === null) {
    if (options.version !== undefined && (await store.info(options.ref)) !== null) throw new UserError(`Version ${options.version} of ${formatSecretRef(options.ref)} is not kept.`, `See the kept versions with outloop vault history ${formatSecretRef(options.ref)}.`)
    throw notFound(options.ref, store.location)
  }
  return {info: stored.info, version: stored.version, value: options.reveal ? stored.value : null}
}

/** Adds a new entry (`vault set`); an existing one is left alone unless `replace`, and then kept as a version. */
export async function setVaultSecret(
  options: VaultServiceOptions & {ref: SecretRef; value: SecretValue; provider?: string; sources?: SecretSources; replace?: boolean},
): Promise<{info: SecretEntryInfo; location: string}> {
  if (options.value.length === 0) throw new UserError('The value is empty: nothing was written.', 'Pipe the value on stdin (printf %s "$KEY" | outloop vault set REF) or type it at the prompt.')
  const {store} = openVaultForService(options)
  try {
    const info = await store.put(options.ref, {value: options.value, provider: options.provider, sources: options.sources, expectedVersion: options.replace ? undefined : 0})
    return {info, location: store.location}
  } catch (error) {
    if (error instanceof VaultConflictError && !options.replace) {
      throw new UserError(`${formatSecretRef(options.ref)} already exists: nothing was written.`, `To give it a new value (keeping the old one as a version), use outloop vault rotate ${formatSecretRef(options.ref)}.`)
    }
    throw error
  }
}

/**
 * A new value for an existing entry (`vault rotate`): placeholders keep pointing at it, the previous value is
 * kept as a version. Refuses a value equal to the current one, which would rotate nothing.
 */
export async function rotateVaultSecret(options: VaultServiceOptions & {ref: SecretRef; value: SecretValue}): Promise<{info: SecretEntryInfo; previous: number}> {
  if (options.value.length === 0) throw new UserError('The new value is empty: nothing was written.', 'Pipe the new value on stdin or type it at the prompt.')
  const {store} = openVaultForService(options)
  const current = await store.get(options.ref)
  if (current === null) throw notFound(options.ref, store.location)
  if (current.value.equals(options.value)) throw new UserError(`The new value of ${formatSecretRef(options.ref)} is the same as the current one: nothing was rotated.`, 'Issue a new key at the provider first, then rotate to it.')
  const info = await store.put(options.ref, {value: options.value, expectedVersion: current.version})
  return {info, previous: current.version}
}

/** Undoes the last rotation: the version before the current one becomes current again, as a new version. */
export async function undoVaultRotation(options: VaultServiceOptions & {ref: SecretRef}): Promise<{info: SecretEntryInfo; restored: number}> {
  const {store} = openVaultForService(options)
  const history = await store.history(options.ref)
  if (history.length === 0) throw notFound(options.ref, store.location)
  const [current, previous] = history
  if (previous === undefined) throw new UserError(`${formatSecretRef(options.ref)} has no earlier version to go back to.`, 'Only rotated entries can be undone.')
  const old = await store.getVersion(options.ref, previous.version)
  if (old === null) throw new UserError(`Version ${previous.version} of ${formatSecretRef(options.ref)} is no longer kept.`, 'Nothing was changed.')
  const info = await store.put(options.ref, {value: old.value, provider: previous.provider, sources: previous.sources, expectedVersion: current.version})
  return {info, restored: previous.version}
}

/** Deletes an entry and its versions (`vault rm`), after `confirm` agrees when one is given. */
export async function removeVaultSecret(options: VaultServiceOptions & {ref: SecretRef; confirm?: (info: SecretEntryInfo) => Promise<boolean>}): Promise<{location: string; versions: number}> {
  const {store} = openVaultForService(options)
  const info = await store.info(options.ref)
  if (info === null) throw notFound(options.ref, store.location)
  if (options.confirm && !(await options.confirm(info))) throw new CancelledError()
  await store.remove(options.ref)
  return {location: store.location, versions: info.versions}
}

/** The kept versions of an entry, newest first (`vault history`). */
export async function vaultEntryHistory(options: VaultServiceOptions & {ref: SecretRef}): Promise<{info: SecretEntryInfo; history: SecretVersionInfo[]}> {
  const {store} = openVaultForService(options)
  const info = await store.info(options.ref)
  if (info === null) throw notFound(options.ref, store.location)
  return {info, history: await store.history(options.ref)}
}
