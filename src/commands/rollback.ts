import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../cli/command.js'
import {UserError} from '../lib/errors.js'
import {outloopHome} from '../lib/paths.js'
import {rollbackMigration} from '../services/rollback.js'
import {vaultBackendFlags} from '../cli/vault-flags.js'
import {renderRollback, rollbackFailures, rollbackQuestion} from '../ui/rollback-text.js'
import {askPassphraseOnTerminal, canPromptOnTerminal, confirmOnTerminal} from '../ui/tty.js'

export default class Rollback extends OutloopCommand {
  static override summary = 'Undo a migration: every file back byte for byte; vault entries kept unless --purge.'

  static override description = `Restores each file a migration run rewrote from its encrypted backup, checking hashes first: a file edited since the run is reported and left alone (exit 1). Without RUN, the latest finished run. An unfinished run (a crash, a kill) is undone first.

Without a terminal, it needs --yes (exit 2 otherwise).

Exit codes: 0 every file is back; 1 files changed since the migration were left as they are (listed); 2 some files could not be put back yet (their originals stay in the encrypted backups), or bad usage; 70 an internal error; 130 cancelled at the prompt.`

  static override examples = ['<%= config.bin %> rollback --yes', '<%= config.bin %> rollback 20261126-051500-3fa2 --yes --purge']

  static override args = {
    run: Args.string({description: 'The run to undo (printed by outloop migrate).'}),
  }

  static override flags = {
    ...vaultBackendFlags,
    yes: Flags.boolean({char: 'y', description: 'Roll back without asking.'}),
    purge: Flags.boolean({description: 'Also delete the vault entries the run created, and its backups.'}),
    json: Flags.boolean({description: 'Print the result as one JSON document.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Rollback)
    const interactive = canPromptOnTerminal()
    if (args.run !== undefined && !/^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$/.test(args.run)) throw new UserError('That is not a migration run id.', 'A run id looks like 20261126-051500-3fa2, as outloop migrate printed it.')
    if (!flags.yes && (!interactive || flags.json)) throw new UserError('Rolling back rewrites client files, and there is no terminal to confirm on.', 'Run it with --yes.')
    const result = await rollbackMigration({
      home: outloopHome(),
      env: process.env,
      backend: flags.vault,
      askPassphrase: interactive ? askPassphraseOnTerminal : undefined,
      run: args.run,
      purge: flags.purge,
      confirm: flags.yes ? undefined : (question) => confirmOnTerminal(rollbackQuestion(question)),
    })
    const {stdout, stderr} = renderRollback(result, {json: flags.json, purge: flags.purge})
    for (const line of stdout) this.log(line)
    for (const line of stderr) this.logToStderr(line)
    if (rollbackFailures(result).length > 0) this.exit(2)
    if ((result.outcome?.conflicts.length ?? 0) > 0) this.exit(1)
  }
}
