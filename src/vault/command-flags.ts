import * as Flags from '@oclif/core/flags'

import {UserError} from '../lib/errors.js'
import {VAULT_BACKENDS} from './types.js'

/** The flag every vault command takes to pick a backend for one run, over OUTLOOP_VAULT and `outloop init`. */
export const vaultBackendFlags = {
  vault: Flags.string({description: 'Vault backend for this command (default: what outloop init chose, or OUTLOOP_VAULT, else file).', options: [...VAULT_BACKENDS]}),
}

/**
 * Refuses extra arguments after REF without quoting them: the likeliest one is a value typed on the command
 * line, which must not be echoed into a terminal log, and which other users could already read in ps.
 */
export function refuseValueOnCommandLine(argv: readonly unknown[]): void {
  if (argv.length <= 1) return
  throw new UserError(
    'Values are never taken from the command line (other users can read it in ps, and it stays in your shell history): nothing was written.',
    'Pipe the value on stdin (printf %s "$KEY" | outloop vault set REF) or type it at the hidden prompt. If that was a real key, it may now be in your shell history: rotate it.',
  )
}
