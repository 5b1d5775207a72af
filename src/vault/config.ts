import {mkdirSync} from 'node:fs'
import {join} from 'node:path'

import {UserError} from '../lib/errors.js'
import {readSettingsText} from '../lib/paths.js'
import type {MasterKeyMode} from './file-store.js'
import {writeFileAtomic} from './fs-safe.js'
import type {TenantLayout} from './hashicorp-store.js'
import {DEFAULT_KEYCHAIN_SERVICE} from './keychain.js'
import {VAULT_BACKENDS, type VaultBackendKind} from './types.js'

const CONFIG_FILE = 'vault.json'
const CONFIG_SCHEMA = 'outloop.vault-config/v1'

/** The environment variable that picks a backend for one command, over what `outloop init` remembered. */
export const VAULT_BACKEND_ENV = 'OUTLOOP_VAULT'

/** What `outloop init` remembers in OUTLOOP_HOME/vault.json. Never a credential: tokens stay in the environment. */
export interface VaultConfig {
  readonly backend: VaultBackendKind
  readonly file: {readonly masterKey: MasterKeyMode}
  readonly keychain: {readonly service: string}
  readonly hashicorp: {readonly mount: string; readonly prefix: string; readonly tenantLayout: TenantLayout; readonly address?: string; readonly namespace?: string}
}

/** The configuration a fresh installation starts from: the encrypted file vault. */
export const DEFAULT_VAULT_CONFIG: VaultConfig = {
  backend: 'file',
  file: {masterKey: 'auto'},
  keychain: {service: DEFAULT_KEYCHAIN_SERVICE},
  hashicorp: {mount: 'secret', prefix: 'outloop', tenantLayout: 'path'},
}

/** Reads OUTLOOP_HOME/vault.json; the defaults when there is none. */
export function readVaultConfig(home: string): VaultConfig {
  const path = join(home, CONFIG_FILE)
  const text = readSettingsText(path, path, 'Check its permissions, or run outloop init again.')
  if (text === null) return DEFAULT_VAULT_CONFIG
  let data: Partial<VaultConfig> & {schema?: string}
  try {
    data = JSON.parse(text) as Partial<VaultConfig> & {schema?: string}
  } catch {
    throw new UserError(`${path} is not valid JSON.`, 'Run outloop init again to rewrite it.')
  }
  if (data.schema !== CONFIG_SCHEMA) throw new UserError(`${path} is from ${String(data.schema).startsWith('outloop.vault-config/') ? 'a newer outloop' : 'something else'} (${String(data.schema)}).`, 'Upgrade outloop, or run outloop init again.')
  const backend = data.backend ?? 'file'
  if (!VAULT_BACKENDS.includes(backend)) throw new UserError(`${path} names an unknown vault backend "${String(backend)}".`, `Run outloop init --vault ${VAULT_BACKENDS.join('|')}.`)
  return {
    backend,
    file: {...DEFAULT_VAULT_CONFIG.file, ...data.file},
    keychain: {...DEFAULT_VAULT_CONFIG.keychain, ...data.keychain},
    hashicorp: {...DEFAULT_VAULT_CONFIG.hashicorp, ...data.hashicorp},
  }
}

/** Remembers the vault configuration (0600, atomically). */
export function writeVaultConfig(home: string, config: VaultConfig): string {
  mkdirSync(home, {recursive: true, mode: 0o700})
  const path = join(home, CONFIG_FILE)
  writeFileAtomic(path, JSON.stringify({schema: CONFIG_SCHEMA, ...config}, null, 2) + '\n')
  return path
}

/** The backend for this command: the flag, else OUTLOOP_VAULT, else what `outloop init` remembered. */
export function resolveVaultBackend(flag: string | undefined, env: NodeJS.ProcessEnv, config: VaultConfig): VaultBackendKind {
  const chosen = flag ?? (env[VAULT_BACKEND_ENV]?.trim() || undefined) ?? config.backend
  if (!VAULT_BACKENDS.includes(chosen as VaultBackendKind)) {
    throw new UserError(`Unknown vault backend "${chosen}"${flag === undefined ? ` (from ${VAULT_BACKEND_ENV})` : ''}.`, `Use one of: ${VAULT_BACKENDS.join(', ')}.`)
  }
  return chosen as VaultBackendKind
}
