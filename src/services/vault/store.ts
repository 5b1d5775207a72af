import type {PassphraseSource} from '../../vault/file-key.js'
import {openSecretStore} from '../../vault/open.js'
import type {SecretStore, VaultBackendKind} from '../../vault/types.js'

/** What every vault service needs: where the state lives, the environment, and the backend asked for. */
export interface VaultServiceOptions {
  /** OUTLOOP_HOME */
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  /** `--vault`, if given. */
  readonly backend?: string
  /**
   * Asks for the vault passphrase when OUTLOOP_PASSPHRASE is not set (a command passes its terminal prompt);
   * absent, a vault that needs one is an error saying how to give it.
   */
  readonly askPassphrase?: PassphraseSource['ask']
}

/** Opens the vault a command works on. */
export function openVaultForService(options: VaultServiceOptions): {store: SecretStore; backend: VaultBackendKind} {
  const {store, backend} = openSecretStore({home: options.home, env: options.env, backend: options.backend, askPassphrase: options.askPassphrase})
  return {store, backend}
}
