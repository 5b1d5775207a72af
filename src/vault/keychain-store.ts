import {mkdirSync} from 'node:fs'
import {join} from 'node:path'

import {fingerprintSecret} from '../lib/fingerprint.js'
import {acquireFileLock} from './fs-safe.js'
import {DEFAULT_KEYCHAIN_SERVICE, deleteKeychainItem, listKeychainItems, readKeychainItem, writeKeychainItem} from './keychain.js'
import {
  applyPutToRecord,
  DEFAULT_MAX_VERSIONS,
  EntryRecordReads,
  entryInfoFromRecord,
  parseEntryRecord,
  serializeEntryRecord,
  type EntryRecord,
} from './record.js'
import {compareSecretRefs, formatSecretRef, tryParseSecretRef, type SecretRef} from './ref.js'
import type {PutSecretInput, SecretEntryInfo, SecretStore} from './types.js'

const ACCOUNT_PREFIX = 'entry/'

export interface KeychainSecretStoreOptions {
  /** OUTLOOP_HOME: holds the lock that serializes this machine's writers (the keychain has no transactions). */
  readonly home: string
  readonly fingerprintKey: Buffer
  /** The keychain service the items are filed under (default "outloop"). */
  readonly service?: string
  readonly maxVersions?: number
  readonly lockTimeoutMs?: number
  readonly now?: () => Date
}

/**
 * Each entry is one OS keychain item (service "outloop", account "entry/<tenant>/<name>") whose password is
 * the entry's record: value and metadata of every kept version. The keychain does the encryption; on Linux
 * only the Secret Service is used, never a fallback that forgets its keys at reboot.
 */
export class KeychainSecretStore extends EntryRecordReads implements SecretStore {
  readonly backend = 'keychain' as const
  readonly location: string
  readonly #options: KeychainSecretStoreOptions
  readonly #service: string

  constructor(options: KeychainSecretStoreOptions) {
    super()
    this.#options = options
    this.#service = options.service ?? DEFAULT_KEYCHAIN_SERVICE
    this.location = `the OS keychain (service "${this.#service}")`
  }

  async put(ref: SecretRef, input: PutSecretInput): Promise<SecretEntryInfo> {
    const release = await this.#lock()
    try {
      const next = applyPutToRecord(await this.readRecord(ref), ref, input, {
        now: (this.#options.now?.() ?? new Date()).toISOString(),
        fingerprint: fingerprintSecret(this.#options.fingerprintKey, input.value),
        maxVersions: this.#options.maxVersions ?? DEFAULT_MAX_VERSIONS,
      })
      await writeKeychainItem(this.#service, accountFor(ref), serializeEntryRecord(next))
      return entryInfoFromRecord(next)
    } finally {
      release()
    }
  }

  async list(options: {tenant?: string} = {}): Promise<SecretEntryInfo[]> {
    const items = await listKeychainItems(this.#service)
    const infos: SecretEntryInfo[] = []
    for (const item of items) {
      if (!item.account.startsWith(ACCOUNT_PREFIX)) continue
      const ref = tryParseSecretRef(item.account.slice(ACCOUNT_PREFIX.length), {requireScheme: false})
      if (ref === null || (options.tenant !== undefined && ref.tenant !== options.tenant)) continue
      infos.push(entryInfoFromRecord(parseEntryRecord(item.password, `The keychain item for ${formatSecretRef(ref)}`)))
    }
    return infos.sort((a, b) => compareSecretRefs(a.ref, b.ref))
  }

  async remove(ref: SecretRef): Promise<boolean> {
    const release = await this.#lock()
    try {
      return await deleteKeychainItem(this.#service, accountFor(ref))
    } finally {
      release()
    }
  }

  protected override async readRecord(ref: SecretRef): Promise<EntryRecord | null> {
    const text = await readKeychainItem(this.#service, accountFor(ref))
    return text === null ? null : parseEntryRecord(text, `The keychain item for ${formatSecretRef(ref)}`)
  }

  #lock(): Promise<() => void> {
    mkdirSync(this.#options.home, {recursive: true, mode: 0o700})
    return acquireFileLock(join(this.#options.home, 'keychain.lock'), {timeoutMs: this.#options.lockTimeoutMs, what: 'The keychain vault'})
  }
}

function accountFor(ref: SecretRef): string {
  return `${ACCOUNT_PREFIX}${ref.tenant}/${ref.name}`
}
