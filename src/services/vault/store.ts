import {askPassphraseOnTerminal} from '../../vault/tty.js'
import {openSecretStore} from '../../vault/open.js'
import type {SecretStore, VaultBackendKind} from '../../vault/types.js'

/** What every vault service needs: where the state lives, the environment, and the backend asked for. */
export interface VaultServiceOptions {
  /** OUTLOOP_HOME */
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  /** `--vault`, if given. */
  readonly backend?: string
  /** Whether a passphrase may be asked for on the terminal (false: OUTLOOP_PASSPHRASE or an error). */
  readonly interactive?: boolean
}

/** Opens the vault a command works on. */
export function openVaultForService(options: VaultServiceOptions): {store: SecretStore; backend: VaultBackendKind} {
  const {store, backend} = openSecretStore({home: options.home, env: options.env, backend: options.backend, askPassphrase: options.interactive ? askPassphraseOnTerminal : undefined})
  return {store, backend}
}
