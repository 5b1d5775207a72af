import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../cli/command.js'
import {outloopHome} from '../../lib/paths.js'
import {vaultEntryHistory} from '../../services/vault/entries.js'
import {vaultBackendFlags} from '../../cli/vault-flags.js'
import {formatSecretRef, parseSecretRef} from '../../vault/ref.js'
import {renderVaultHistoryText, VAULT_HISTORY_SCHEMA} from '../../ui/vault-text.js'
import {terminalPassphrasePrompt} from '../../ui/tty.js'

export default class VaultHistory extends OutloopCommand {
  static override summary = "List an entry's kept versions, newest first: times and fingerprints, never values."

  static override description = `Exit codes: 0 shown; 2 bad usage, or something to fix first (no such entry; the message says what); 70 an internal error.`

  static override examples = ['<%= config.bin %> vault history outloop://acme/openai-api-key', '<%= config.bin %> vault history acme/openai-api-key --json']

  static override args = {
    ref: Args.string({description: 'The entry: outloop://<tenant>/<name> or <tenant>/<name>.', required: true}),
  }

  static override flags = {
    ...vaultBackendFlags,
    json: Flags.boolean({description: `Print one JSON document (schema ${VAULT_HISTORY_SCHEMA}).`}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(VaultHistory)
    const ref = parseSecretRef(args.ref)
    const {info, history} = await vaultEntryHistory({home: outloopHome(), env: process.env, backend: flags.vault, askPassphrase: terminalPassphrasePrompt(), ref})
    if (flags.json) {
      this.log(JSON.stringify({schema: VAULT_HISTORY_SCHEMA, ref: formatSecretRef(ref), current: info.version, versions: history.map((v) => ({...v, sources: {files: [...v.sources.files], count: v.sources.count}, current: v.version === info.version}))}, null, 2))
      return
    }
    process.stdout.write(renderVaultHistoryText(info, history))
  }
}
