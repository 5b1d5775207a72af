import {existsSync, readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'

import {UserError} from '../lib/errors.js'
import {loadFingerprintKey} from '../lib/fingerprint.js'
import {SecretValue} from '../lib/secret-value.js'
import {readVaultConfig, resolveVaultBackend, type VaultConfig} from './config.js'
import {keepFingerprintIndex} from './fingerprint-index.js'
import {FileSecretStore, type PassphraseSource} from './file-store.js'
import {HashicorpSecretStore} from './hashicorp-store.js'
import {KeychainSecretStore} from './keychain-store.js'
import {WrongPassphraseError, type SecretStore, type VaultBackendKind} from './types.js'

/** The folder of the file vault inside OUTLOOP_HOME. */
export function fileVaultDir(home: string): string {
  return join(home, 'vault')
}

export interface OpenSecretStoreOptions {
  /** OUTLOOP_HOME */
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  /** `--vault`, over OUTLOOP_VAULT and the remembered choice. */
  readonly backend?: string
  /** How to ask for the file vault's passphrase when OUTLOOP_PASSPHRASE is not set. */
  readonly askPassphrase?: PassphraseSource['ask']
  /** Use this configuration instead of OUTLOOP_HOME/vault.json (outloop init, before it writes it). */
  readonly config?: VaultConfig
}

/** A passphrase source from OUTLOOP_PASSPHRASE, falling back to `ask` (or a UserError saying how to give one). */
export function passphraseSourceFromEnv(env: NodeJS.ProcessEnv, ask?: PassphraseSource['ask']): PassphraseSource {
  const given = env.OUTLOOP_PASSPHRASE !== undefined && env.OUTLOOP_PASSPHRASE !== '' ? new SecretValue(env.OUTLOOP_PASSPHRASE) : null
  return {
    given,
    ask:
      ask ??
      (async () => {
        throw new UserError('The file vault needs its passphrase, and there is no terminal to ask on.', 'Set OUTLOOP_PASSPHRASE for unattended use, or run the command in a terminal.')
      }),
  }
}

/** Opens the configured vault for one command: backend from flag, OUTLOOP_VAULT or `outloop init`, settings from the environment. */
export function openSecretStore(options: OpenSecretStoreOptions): {store: SecretStore; backend: VaultBackendKind; config: VaultConfig} {
  const opened = openStore(options)
  return {...opened, store: keepFingerprintIndex(opened.store, options.home)}
}

function openStore(options: OpenSecretStoreOptions): {store: SecretStore; backend: VaultBackendKind; config: VaultConfig} {
  const config = options.config ?? readVaultConfig(options.home)
  const backend = resolveVaultBackend(options.backend, options.env, config)
  const {key: fingerprintKey} = loadFingerprintKey(options.home)
  const env = options.env
  if (backend === 'file') {
    const store = new FileSecretStore({
      dir: fileVaultDir(options.home),
      fingerprintKey,
      masterKey: config.file.masterKey,
      passphrase: passphraseSourceFromEnv(env, options.askPassphrase),
      keychainService: keychainServiceFrom(env, config),
    })
    return {store, backend, config}
  }
  if (backend === 'keychain') return {store: new KeychainSecretStore({home: options.home, fingerprintKey, service: keychainServiceFrom(env, config)}), backend, config}
  const address = env.VAULT_ADDR?.trim() || config.hashicorp.address
  if (!address) throw new UserError('The hashicorp vault needs an address: VAULT_ADDR is not set.', 'Set VAULT_ADDR (e.g. https://vault.example.com:8200) and VAULT_TOKEN, or run outloop init --vault hashicorp --vault-addr URL.')
  const token = env.VAULT_TOKEN?.trim() || readVaultTokenFile()
  if (!token) throw new UserError('The hashicorp vault needs a token: VAULT_TOKEN is not set and there is no ~/.vault-token.', 'Log in (vault login, or bao login) or set VAULT_TOKEN.')
  const store = new HashicorpSecretStore({
    address,
    token: new SecretValue(token),
    namespace: env.VAULT_NAMESPACE?.trim() || config.hashicorp.namespace,
    mount: env.OUTLOOP_VAULT_MOUNT?.trim() || config.hashicorp.mount,
    prefix: env.OUTLOOP_VAULT_PREFIX ?? config.hashicorp.prefix,
    tenantLayout: config.hashicorp.tenantLayout,
    fingerprintKey,
    caFile: env.VAULT_CACERT?.trim() || undefined,
  })
  return {store, backend, config}
}

/** OUTLOOP_KEYCHAIN_SERVICE files items under another keychain service (a second installation, tests). */
function keychainServiceFrom(env: NodeJS.ProcessEnv, config: VaultConfig): string {
  return env.OUTLOOP_KEYCHAIN_SERVICE?.trim() || config.keychain.service
}

/** The token `vault login` leaves behind, as the vault CLI itself falls back to it. */
function readVaultTokenFile(): string | undefined {
  const path = join(homedir(), '.vault-token')
  if (!existsSync(path)) return undefined
  try {
    return readFileSync(path, 'utf8').trim() || undefined
  } catch {
    return undefined
  }
}

/** How many passphrases a person may type before a command gives up on opening the vault. */
export const PASSPHRASE_TRIES = 3

/**
 * Runs `open` again after a wrong passphrase the person typed (`typed()` says whether it was typed), telling
 * them how many tries are left, `tries` in all. A passphrase given up front (OUTLOOP_PASSPHRASE) is never
 * retried: it would be just as wrong the next time.
 */
export async function retryWrongPassphrase<T>(open: () => Promise<T>, options: {typed: () => boolean; tell: (line: string) => void; tries?: number}): Promise<T> {
  const tries = options.tries ?? PASSPHRASE_TRIES
  for (let attempt = 1; ; attempt++) {
    try {
      return await open()
    } catch (error) {
      if (!(error instanceof WrongPassphraseError) || !options.typed() || attempt >= tries) throw error
      options.tell(`Wrong passphrase, try again (${tries - attempt} left)`)
    }
  }
}
