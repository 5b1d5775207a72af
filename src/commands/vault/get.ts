import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../cli/command.js'
import {UserError} from '../../lib/errors.js'
import {outloopHome} from '../../lib/paths.js'
import {getVaultEntry} from '../../services/vault/entries.js'
import {vaultBackendFlags} from '../../cli/vault-flags.js'
import {formatSecretRef, parseSecretRef} from '../../vault/ref.js'
import {entryInfoToJson, renderVaultEntryText, VAULT_ENTRY_SCHEMA} from '../../ui/vault-text.js'
import {terminalPassphrasePrompt} from '../../ui/tty.js'

export default class VaultGet extends OutloopCommand {
  static override summary = "Show an entry's metadata; with --reveal, its value."

  static override description = `Without --reveal, get shows what is known about the entry (provider, fingerprint, versions, times, where it was found) and never the value. --reveal prints the value, and only to a terminal: when stdout is a pipe or a file (a log, a CI job), it refuses unless --force is given too.

Exit codes: 0 shown; 2 bad usage, or something to fix first (no such entry, --reveal without a terminal or --force; the message says what); 70 an internal error.`

  static override examples = ['<%= config.bin %> vault get outloop://acme/openai-api-key', '<%= config.bin %> vault get acme/openai-api-key --reveal', '<%= config.bin %> vault get acme/openai-api-key --reveal --force | pbcopy']

  static override args = {
    ref: Args.string({description: 'The entry: outloop://<tenant>/<name> or <tenant>/<name>.', required: true}),
  }

  static override flags = {
    ...vaultBackendFlags,
    reveal: Flags.boolean({description: 'Print the value (only to a terminal, unless --force).'}),
    force: Flags.boolean({description: 'With --reveal: print the value even when stdout is not a terminal.'}),
    version: Flags.integer({description: 'A kept earlier version instead of the current one.', min: 1}),
    json: Flags.boolean({description: `Print the metadata as one JSON document (schema ${VAULT_ENTRY_SCHEMA}); never the value.`}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(VaultGet)
    const ref = parseSecretRef(args.ref)
    if (flags.reveal && flags.json) throw new UserError('--reveal and --json do not go together: JSON output never carries a value.', 'Use one or the other.')
    if (flags.force && !flags.reveal) throw new UserError('--force only goes with --reveal.', `outloop vault get ${formatSecretRef(ref)} --reveal --force`)
    if (flags.reveal && !process.stdout.isTTY && !flags.force) {
      throw new UserError('Refusing to print the value: stdout is not a terminal, so it could land in a log or a file.', 'Add --force if you mean to pipe it somewhere.')
    }
    const result = await getVaultEntry({home: outloopHome(), env: process.env, backend: flags.vault, askPassphrase: terminalPassphrasePrompt(), ref, reveal: flags.reveal, version: flags.version})
    if (result.value !== null) {
      process.stdout.write(result.value.reveal() + '\n')
      if (result.version !== result.info.version) this.logToStderr(`(version ${result.version}; the current one is ${result.info.version})`)
      return
    }
    if (flags.json) {
      this.log(JSON.stringify({schema: VAULT_ENTRY_SCHEMA, ...entryInfoToJson(result.info)}, null, 2))
      return
    }
    process.stdout.write(renderVaultEntryText(result.info))
  }
}
