import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../cli/command.js'
import {outloopHome} from '../../lib/paths.js'
import {listVaultEntries} from '../../services/vault/entries.js'
import {vaultBackendFlags} from '../../cli/vault-flags.js'
import {isValidSecretName} from '../../vault/ref.js'
import {entryInfoToJson, renderVaultListText, VAULT_LIST_SCHEMA} from '../../ui/vault-text.js'
import {terminalPassphrasePrompt} from '../../ui/tty.js'
import {UserError} from '../../lib/errors.js'

export default class VaultList extends OutloopCommand {
  static override summary = 'List the vault entries: references and metadata, never values.'

  static override description = `Exit codes: 0 listed; 2 bad usage, or something to fix first (the message says what); 70 an internal error.`

  static override examples = ['<%= config.bin %> vault list', '<%= config.bin %> vault list --tenant acme --json']

  static override flags = {
    ...vaultBackendFlags,
    tenant: Flags.string({char: 't', description: 'Only this tenant (client).'}),
    json: Flags.boolean({description: `Print one JSON document (schema ${VAULT_LIST_SCHEMA}).`}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(VaultList)
    if (flags.tenant !== undefined && !isValidSecretName(flags.tenant)) throw new UserError(`"${flags.tenant}" is not a tenant name.`, 'Tenant names are lower-case letters, digits, ".", "_" and "-".')
    const result = await listVaultEntries({home: outloopHome(), env: process.env, backend: flags.vault, askPassphrase: terminalPassphrasePrompt(), tenant: flags.tenant})
    if (flags.json) {
      this.log(JSON.stringify({schema: VAULT_LIST_SCHEMA, backend: result.backend, tenant: flags.tenant ?? null, entries: result.entries.map(entryInfoToJson)}, null, 2))
      return
    }
    process.stdout.write(renderVaultListText(result.entries, result))
  }
}
