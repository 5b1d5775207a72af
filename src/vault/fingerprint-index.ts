import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {acquireFileLock, writeFileAtomic} from './fs-safe.js'
import {formatSecretRef, tryParseSecretRef, type SecretRef} from './ref.js'
import type {SecretEntryInfo, SecretStore} from './types.js'

const INDEX_FILE = 'vault-index.json'
const INDEX_SCHEMA = 'outloop.vault-fingerprints/v1'

/**
 * Which fingerprint each entry's current value has, kept beside the vault (OUTLOOP_HOME/vault-index.json,
 * 0600) so a scan can say "a copy of outloop://acme/x left behind" without unlocking the vault. Fingerprints
 * are HMACs under OUTLOOP_HOME/fingerprint.key, so the file tells nothing about a value to whoever lacks that key.
 */
interface IndexFile {
  schema: typeof INDEX_SCHEMA
  /** Ref (`outloop://acme/x`) to the fingerprint of its current value. */
  refs: Record<string, string>
}

/** Where the fingerprint index lives. */
export function fingerprintIndexPath(home: string): string {
  return join(home, INDEX_FILE)
}

/** Fingerprint to the refs whose current value has it (sorted); empty when there is no index or it is unreadable. */
export function readFingerprintIndex(home: string): Map<string, string[]> {
  const byFingerprint = new Map<string, string[]>()
  for (const [ref, fingerprint] of Object.entries(readRefs(home))) {
    byFingerprint.set(fingerprint, [...(byFingerprint.get(fingerprint) ?? []), ref].sort())
  }
  return byFingerprint
}

function readRefs(home: string): Record<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(fingerprintIndexPath(home), 'utf8')) as Partial<IndexFile>
    if (parsed.schema !== INDEX_SCHEMA || typeof parsed.refs !== 'object' || parsed.refs === null) return {}
    const refs: Record<string, string> = {}
    // Only well-formed pairs: the file sits outside the vault's encryption, so it is read as untrusted.
    for (const [ref, fingerprint] of Object.entries(parsed.refs)) {
      if (tryParseSecretRef(ref, {requireScheme: true}) !== null && typeof fingerprint === 'string' && /^[0-9a-f]{32}$/.test(fingerprint)) refs[ref] = fingerprint
    }
    return refs
  } catch {
    return {}
  }
}

/**
 * Changes the index under its own lock: read, change, write atomically (0600). A failure here is swallowed:
 * the vault write it follows has happened, and a stale index only costs a scan its "left behind" labels.
 */
async function updateIndex(home: string, change: (refs: Record<string, string>) => Record<string, string>): Promise<void> {
  const path = fingerprintIndexPath(home)
  let release: () => void
  try {
    release = await acquireFileLock(`${path}.lock`, {what: 'The vault fingerprint index', timeoutMs: 5000})
  } catch {
    return
  }
  try {
    const refs = change(readRefs(home))
    const sorted = Object.fromEntries(Object.entries(refs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    const file: IndexFile = {schema: INDEX_SCHEMA, refs: sorted}
    writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n')
  } catch {
    // see above
  } finally {
    release()
  }
}

/**
 * Keeps `store`'s fingerprint index current: every write and removal updates it, and a full listing (which
 * sees every entry) rewrites it, so a vault filled before the index existed gets one the next time it is
 * listed. Patched onto the instance rather than wrapped, so callers that check the backend's class still can.
 */
export function keepFingerprintIndex<T extends SecretStore>(store: T, home: string): T {
  const put = store.put.bind(store)
  const remove = store.remove.bind(store)
  const list = store.list.bind(store)
  const patched = store as {-readonly [K in keyof SecretStore]: SecretStore[K]} & T
  patched.put = async (ref, input) => {
    const info = await put(ref, input)
    await updateIndex(home, (refs) => ({...refs, [formatSecretRef(ref)]: info.fingerprint}))
    return info
  }
  patched.remove = async (ref: SecretRef) => {
    const removed = await remove(ref)
    await updateIndex(home, (refs) => {
      const {[formatSecretRef(ref)]: _gone, ...rest} = refs
      return rest
    })
    return removed
  }
  patched.list = async (options) => {
    const infos = await list(options)
    if (options?.tenant === undefined) await updateIndex(home, () => refsOf(infos))
    return infos
  }
  return patched
}

function refsOf(infos: readonly SecretEntryInfo[]): Record<string, string> {
  return Object.fromEntries(infos.filter((i) => i.fingerprint !== '').map((i) => [formatSecretRef(i.ref), i.fingerprint]))
}
