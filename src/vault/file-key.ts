import {randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {UserError} from '../lib/errors.js'
import type {SecretValue} from '../lib/secret-value.js'
import {DEFAULT_SCRYPT, deriveKeyFromPassphrase, deriveSubKey, openSealed, randomKey, sealBytes, type ScryptParams} from './crypto.js'
import {acquireFileLock, createFileAtomic} from './fs-safe.js'
import {DEFAULT_KEYCHAIN_SERVICE, probeKeychain, readKeychainItem, writeKeychainItem} from './keychain.js'
import {VaultUnreadableError, WrongPassphraseError} from './types.js'

/**
 * The file vault's key: `key.json` holds a random data key sealed under a master key, which is kept in the OS
 * keychain or derived from a passphrase (scrypt). Opening the vault is unsealing it; the entries (file-store.ts)
 * only ever see the sub-keys derived from it.
 */

const KEY_FILE = 'key.json'
const KEY_SCHEMA = 'outloop.vault-key/v1'
const LOCK_FILE = '.lock'

/** How a new file vault's master key is kept: in the OS keychain, from a passphrase, or keychain-if-available. */
export type MasterKeyMode = 'auto' | 'keychain' | 'passphrase'

/** Where a passphrase comes from: given up front (OUTLOOP_PASSPHRASE), or asked for (a hidden prompt). */
export interface PassphraseSource {
  readonly given: SecretValue | null
  /** Asks on a terminal; throws a UserError that says how to give one when there is no terminal. */
  ask(purpose: 'create' | 'unlock'): Promise<SecretValue>
}

type MasterKeyRecord =
  | {kind: 'passphrase'; kdf: 'scrypt'; salt: string; N: number; r: number; p: number}
  | {kind: 'keychain'; service: string; account: string}

export interface KeyFile {
  schema: string
  id: string
  createdAt: string
  master: MasterKeyRecord
  dataKey: {nonce: string; tag: string; ciphertext: string}
}

/** What opening (or creating) the key needs. */
export interface VaultKeyOptions {
  /** The vault folder (OUTLOOP_HOME/vault). */
  readonly dir: string
  /** How to protect the master key when this call creates the vault. */
  readonly masterKey: MasterKeyMode
  readonly passphrase: PassphraseSource
  readonly keychainService?: string
  readonly scrypt?: ScryptParams
  readonly lockTimeoutMs?: number
}

/** The open vault: its id and the sub-keys of its data key (entries, names). */
export interface OpenVault {
  readonly id: string
  readonly dataKey: Buffer
  readonly namesKey: Buffer
}

export function vaultKeyPath(dir: string): string {
  return join(dir, KEY_FILE)
}

/** Unseals the vault's data key; creates the key file first when `create` and there is none. */
export async function openVaultKey(options: VaultKeyOptions, create: boolean): Promise<OpenVault> {
  // The master key this call just made, so the one who chose the passphrase is not asked for it again.
  let created: {id: string; master: Buffer} | null = null
  if (!existsSync(vaultKeyPath(options.dir))) {
    if (!create) throw new VaultUnreadableError(`There is no vault at ${options.dir} yet.`, 'Create it with outloop init.')
    mkdirSync(options.dir, {recursive: true, mode: 0o700})
    const release = await acquireFileLock(join(options.dir, LOCK_FILE), {timeoutMs: options.lockTimeoutMs})
    try {
      if (!existsSync(vaultKeyPath(options.dir))) created = await createKeyFile(options)
    } finally {
      release()
    }
  }
  const keyFile = readVaultKeyFile(options.dir)
  const master = created !== null && created.id === keyFile.id ? created.master : await masterKeyFor(options, keyFile)
  const dataKey = openSealed(master, unb64Sealed(keyFile.dataKey), keyAad(keyFile))
  if (dataKey === null) {
    if (keyFile.master.kind === 'passphrase') {
      throw new WrongPassphraseError()
    }
    throw new VaultUnreadableError("Can't open the vault: the master key in the OS keychain does not fit it.", `The keychain item ${keyFile.master.account} was replaced; restore it from a keychain backup. Nothing was changed.`)
  }
  return {id: keyFile.id, dataKey: deriveSubKey(dataKey, 'entries'), namesKey: deriveSubKey(dataKey, 'names')}
}

async function createKeyFile(options: VaultKeyOptions): Promise<{id: string; master: Buffer}> {
  const id = randomBytes(16).toString('hex')
  let mode = options.masterKey
  if (mode === 'auto') mode = options.passphrase.given !== null ? 'passphrase' : (await probeKeychain()).available ? 'keychain' : 'passphrase'
  let master: Buffer
  let record: MasterKeyRecord
  if (mode === 'keychain') {
    const service = options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE
    const account = `file-vault-master-key/${id}`
    master = randomKey()
    await writeKeychainItem(service, account, master.toString('base64'))
    record = {kind: 'keychain', service, account}
  } else {
    const passphrase = options.passphrase.given ?? (await options.passphrase.ask('create'))
    if (passphrase.length < 8) throw new UserError('The vault passphrase is too short: use at least 8 characters.', 'Choose a longer OUTLOOP_PASSPHRASE. Nothing was created.')
    const salt = randomBytes(16)
    const params = options.scrypt ?? DEFAULT_SCRYPT
    master = await deriveKeyFromPassphrase(passphrase.reveal(), salt, params)
    record = {kind: 'passphrase', kdf: 'scrypt', salt: salt.toString('base64'), ...params}
  }
  const keyFile: Omit<KeyFile, 'dataKey'> = {schema: KEY_SCHEMA, id, createdAt: new Date().toISOString(), master: record}
  const sealed = sealBytes(master, randomKey(), keyAad(keyFile))
  const full: KeyFile = {...keyFile, dataKey: {nonce: sealed.nonce.toString('base64'), tag: sealed.tag.toString('base64'), ciphertext: sealed.ciphertext.toString('base64')}}
  mkdirSync(join(options.dir, 'entries'), {recursive: true, mode: 0o700})
  createFileAtomic(vaultKeyPath(options.dir), JSON.stringify(full, null, 2) + '\n')
  return {id, master}
}

export function readVaultKeyFile(dir: string): KeyFile {
  const path = vaultKeyPath(dir)
  const damaged = (): never => {
    throw new VaultUnreadableError(`The vault key file ${path} is damaged (truncated or corrupted).`, 'Restore it from a backup: without it the vault cannot be opened. Nothing was changed.')
  }
  let data: KeyFile
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as KeyFile
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') throw new UserError(`Can't read the vault key file ${path}: permission denied.`, 'Run outloop as the user who created the vault.')
    return damaged()
  }
  if (typeof data !== 'object' || data === null || typeof data.schema !== 'string') return damaged()
  if (data.schema !== KEY_SCHEMA) {
    if (data.schema.startsWith('outloop.vault-key/')) throw new VaultUnreadableError(`The vault at ${dir} was written by a newer outloop (${data.schema}).`, 'Upgrade outloop to open it. Nothing was changed.')
    return damaged()
  }
  const m = data.master
  const okMaster = m && ((m.kind === 'passphrase' && typeof m.salt === 'string' && [m.N, m.r, m.p].every(Number.isInteger)) || (m.kind === 'keychain' && typeof m.account === 'string' && typeof m.service === 'string'))
  if (typeof data.id !== 'string' || !okMaster || !data.dataKey || typeof data.dataKey.ciphertext !== 'string') return damaged()
  return data
}

async function masterKeyFor(options: VaultKeyOptions, keyFile: KeyFile): Promise<Buffer> {
  const m = keyFile.master
  if (m.kind === 'keychain') {
    const stored = await readKeychainItem(m.service, m.account)
    if (stored === null) {
      throw new VaultUnreadableError(
        "Can't open the vault: its master key is not in the OS keychain.",
        `Look for the item "${m.account}" (service ${m.service}); it is missing when the vault comes from another machine or the keychain was reset. Nothing was changed.`,
      )
    }
    return Buffer.from(stored, 'base64')
  }
  const passphrase = options.passphrase.given ?? (await options.passphrase.ask('unlock'))
  return deriveKeyFromPassphrase(passphrase.reveal(), Buffer.from(m.salt, 'base64'), {N: m.N, r: m.r, p: m.p})
}

function keyAad(keyFile: Pick<KeyFile, 'schema' | 'id' | 'master'>): Buffer {
  return Buffer.from(`${keyFile.schema}|${keyFile.id}|${JSON.stringify(keyFile.master)}`)
}

function unb64Sealed(sealed: KeyFile['dataKey']): {nonce: Buffer; tag: Buffer; ciphertext: Buffer} {
  return {nonce: Buffer.from(sealed.nonce, 'base64'), tag: Buffer.from(sealed.tag, 'base64'), ciphertext: Buffer.from(sealed.ciphertext, 'base64')}
}
