import {Flags} from '@oclif/core'

import {VAULT_BACKENDS} from './types.js'

/** The flag every vault command takes to pick a backend for one run, over OUTLOOP_VAULT and `outloop init`. */
export const vaultBackendFlags = {
  vault: Flags.string({description: 'Vault backend for this command (default: what outloop init chose, or OUTLOOP_VAULT, else file).', options: [...VAULT_BACKENDS]}),
}
