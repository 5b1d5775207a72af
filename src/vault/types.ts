import {UserError} from '../lib/errors.js'
import type {SecretValue} from '../lib/secret-value.js'
import type {SecretRef} from './ref.js'

/** The three places a vault can live. */
export const VAULT_BACKENDS = ['file', 'keychain', 'hashicorp'] as const
export type VaultBackendKind = (typeof VAULT_BACKENDS)[number]

/** Where a secret was found before it moved into the vault. */
export interface SecretSources {
  /** Files (relative to the scan root, `/` separators) that held the value. */
  readonly files: readonly string[]
  /** Occurrences across those files (a file can hold a value more than once). */
  readonly count: number
}

/** What is known about one version of an entry; never the value. */
export interface SecretVersionInfo {
  readonly version: number
  readonly createdAt: string
  readonly fingerprint: string
  readonly provider: string | null
  readonly sources: SecretSources
}

/** What is known about an entry; never the value. */
export interface SecretEntryInfo {
  readonly ref: SecretRef
  readonly provider: string | null
  readonly fingerprint: string
  readonly sources: SecretSources
  /** When the entry was first written. */
  readonly createdAt: string
  /** When its current version was written. */
  readonly updatedAt: string
  /** The current version number (1 for a new entry; each write adds one). */
  readonly version: number
  /** How many versions are kept, current included. */
  readonly versions: number
}

/** An entry's value at one version, with what is known about the entry. */
export interface StoredSecret {
  readonly info: SecretEntryInfo
  readonly version: number
  readonly value: SecretValue
}

/** One write. */
export interface PutSecretInput {
  readonly value: SecretValue
  /** The provider (OpenAI, Stripe, …); undefined keeps the previous version's. */
  readonly provider?: string | null
  /** Where the value came from; undefined keeps the previous version's. */
  readonly sources?: SecretSources
  /**
   * Check-and-set: the version the caller last read (0: the entry must not exist yet). When the entry has
   * moved on since, the write is refused with a VaultConflictError instead of silently replacing it.
   */
  readonly expectedVersion?: number
}

/**
 * A place to keep secrets: every backend (encrypted file, OS keychain, HashiCorp Vault / OpenBao) behaves
 * the same through this, and one contract test suite holds each to it.
 */
export interface SecretStore {
  readonly backend: VaultBackendKind
  /** Where the entries live, for messages ("the file vault at ~/.outloop/vault"). Never a credential. */
  readonly location: string
  /** The current value, or null when there is no such entry. */
  get(ref: SecretRef): Promise<StoredSecret | null>
  /** One kept version's value, or null when that version is not kept. */
  getVersion(ref: SecretRef, version: number): Promise<StoredSecret | null>
  /** What is known about an entry, without reading its value out; null when there is none. */
  info(ref: SecretRef): Promise<SecretEntryInfo | null>
  /** Writes a new version (the previous ones are kept, so a rotation can be undone). */
  put(ref: SecretRef, input: PutSecretInput): Promise<SecretEntryInfo>
  /** Every entry (of one tenant), sorted by tenant then name. */
  list(options?: {tenant?: string}): Promise<SecretEntryInfo[]>
  /** The kept versions of an entry, newest first; empty when there is no such entry. */
  history(ref: SecretRef): Promise<SecretVersionInfo[]>
  /** Deletes an entry and all its versions; false when there was none. */
  remove(ref: SecretRef): Promise<boolean>
}

/** A check-and-set write lost a race: someone else wrote the entry since the caller read it. */
export class VaultConflictError extends UserError {
  constructor(what: string, expected: number, actual: number) {
    super(
      `${what} changed while you were writing it: expected version ${expected}, found ${actual === 0 ? 'no entry' : `version ${actual}`}. Nothing was written.`,
      'Read it again (outloop vault get) and retry.',
    )
    this.name = 'VaultConflictError'
  }
}

/** The vault is damaged, from a newer outloop, or locked with another key: a UserError that names what to do. */
export class VaultUnreadableError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, hint)
    this.name = 'VaultUnreadableError'
  }
}

/** The file vault's passphrase does not open it: the one case where asking the person again can help. */
export class WrongPassphraseError extends VaultUnreadableError {
  constructor() {
    super("Can't open the vault: wrong passphrase.", 'Check OUTLOOP_PASSPHRASE (or what you typed) and try again. Nothing was changed.')
    this.name = 'WrongPassphraseError'
  }
}
