import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {UserError} from '../../lib/errors.js'
import {outloopHome} from '../../lib/paths.js'
import {removeVaultSecret} from '../../services/vault/entries.js'
import {vaultBackendFlags} from '../../vault/command-flags.js'
import {formatSecretRef, parseSecretRef} from '../../vault/ref.js'
import {VAULT_RM_SCHEMA} from '../../vault/render.js'
import {canPromptOnTerminal, confirmOnTerminal} from '../../vault/tty.js'

export default class VaultRm extends OutloopCommand {
  static override summary = 'Delete an entry and all its kept versions.'

  static override description = `Placeholders that point at the entry stop resolving. On a terminal rm asks first; elsewhere it needs --yes.`

  static override examples = ['<%= config.bin %> vault rm outloop://acme/old-key', '<%= config.bin %> vault rm acme/old-key --yes']

  static override args = {
    ref: Args.string({description: 'The entry: outloop://<tenant>/<name> or <tenant>/<name>.', required: true}),
  }

  static override flags = {
    ...vaultBackendFlags,
    yes: Flags.boolean({char: 'y', description: 'Delete without asking.'}),
    json: Flags.boolean({description: `Print what was deleted as one JSON document (schema ${VAULT_RM_SCHEMA}).`}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(VaultRm)
    const ref = parseSecretRef(args.ref)
    const interactive = canPromptOnTerminal()
    if (!flags.yes && !interactive) throw new UserError(`Not deleting ${formatSecretRef(ref)} without confirmation, and there is no terminal to ask on.`, 'Run with --yes to delete it.')
    const {location, versions} = await removeVaultSecret({
      home: outloopHome(),
      env: process.env,
      backend: flags.vault,
      interactive,
      ref,
      confirm: flags.yes ? undefined : (info) => confirmOnTerminal(`Delete ${formatSecretRef(ref)} (${info.provider ?? 'unknown provider'}) and its ${info.versions} kept ${info.versions === 1 ? 'version' : 'versions'}?`),
    })
    if (flags.json) {
      this.log(JSON.stringify({schema: VAULT_RM_SCHEMA, ref: formatSecretRef(ref), location, versions}, null, 2))
      return
    }
    this.logToStderr(`Deleted ${formatSecretRef(ref)} and ${versions} ${versions === 1 ? 'version' : 'versions'} from ${location}.`)
  }
}
