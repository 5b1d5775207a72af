import {loadFingerprintKey} from '../../lib/fingerprint.js'
import {DEFAULT_VAULT_CONFIG, readVaultConfig, resolveVaultBackend, writeVaultConfig, type VaultConfig} from '../../vault/config.js'
import type {MasterKeyMode} from '../../vault/file-store.js'
import {FileSecretStore} from '../../vault/file-store.js'
import {HashicorpSecretStore, type TenantLayout} from '../../vault/hashicorp-store.js'
import {probeKeychain} from '../../vault/keychain.js'
import {openSecretStore} from '../../vault/open.js'
import type {VaultBackendKind} from '../../vault/types.js'
import {UserError} from '../../lib/errors.js'
import type {VaultServiceOptions} from './store.js'

export interface InitVaultOptions extends VaultServiceOptions {
  readonly masterKey?: MasterKeyMode
  readonly mount?: string
  readonly prefix?: string
  readonly address?: string
  readonly namespace?: string
  readonly tenantLayout?: TenantLayout
}

export interface InitVaultResult {
  readonly backend: VaultBackendKind
  readonly location: string
  readonly configPath: string
  /** The file vault only: whether this run created it, and where its master key lives. */
  readonly created?: boolean
  readonly masterKey?: 'keychain' | 'passphrase'
  /** The file vault only: a --master-key that differs from how the existing vault is locked (not changed). */
  readonly masterKeyUnchanged?: boolean
}

/**
 * Sets up the vault (`outloop init`): checks that the chosen backend works here — creating the file vault and
 * its master key, writing and deleting a keychain item, reading the Vault mount — and only then remembers the
 * choice in OUTLOOP_HOME/vault.json, so a broken choice is never remembered.
 */
export async function initVault(options: InitVaultOptions): Promise<InitVaultResult> {
  const previous = readVaultConfig(options.home)
  const backend = resolveVaultBackend(options.backend, options.env, previous)
  const config: VaultConfig = {
    backend,
    file: {masterKey: options.masterKey ?? previous.file.masterKey},
    keychain: previous.keychain,
    hashicorp: {
      ...DEFAULT_VAULT_CONFIG.hashicorp,
      ...previous.hashicorp,
      ...(options.mount === undefined ? {} : {mount: options.mount}),
      ...(options.prefix === undefined ? {} : {prefix: options.prefix}),
      ...(options.address === undefined ? {} : {address: options.address}),
      ...(options.namespace === undefined ? {} : {namespace: options.namespace}),
      ...(options.tenantLayout === undefined ? {} : {tenantLayout: options.tenantLayout}),
    },
  }
  loadFingerprintKey(options.home)
  const {store} = openSecretStore({home: options.home, env: options.env, backend, config, askPassphrase: options.askPassphrase})
  let result: Omit<InitVaultResult, 'configPath'> = {backend, location: store.location}
  if (store instanceof FileSecretStore) {
    const {created, masterKey} = await store.initialize()
    const asked = options.masterKey
    result = {...result, created, masterKey, masterKeyUnchanged: !created && asked !== undefined && asked !== 'auto' && asked !== masterKey}
  } else if (store instanceof HashicorpSecretStore) {
    await store.verifyAccess()
  } else {
    const probe = await probeKeychain()
    if (!probe.available) throw new UserError(probe.reason, probe.hint ?? 'Use --vault file instead.')
  }
  return {...result, configPath: writeVaultConfig(options.home, config)}
}
