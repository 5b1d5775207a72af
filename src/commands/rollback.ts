import {createInterface} from 'node:readline/promises'

import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../lib/command.js'
import {escapeControlChars} from '../lib/display.js'
import {CancelledError, UserError} from '../lib/errors.js'
import {outloopHome} from '../lib/paths.js'
import {rollbackMigration} from '../services/rollback.js'
import {vaultBackendFlags} from '../vault/command-flags.js'
import {canPromptOnTerminal} from '../vault/tty.js'

export default class Rollback extends OutloopCommand {
  static override summary = 'Undo a migration: every file back byte for byte; vault entries kept unless --purge.'

  static override description = `Restores each file a migration run rewrote from its encrypted backup, checking hashes first: a file edited since the run is reported and left alone (exit 1). Without RUN, the latest finished run. An unfinished run (a crash, a kill) is undone first.

Without a terminal, it needs --yes (exit 2 otherwise).`

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
    if (!flags.yes) {
      if (!interactive || flags.json) throw new UserError('Rolling back rewrites client files, and there is no terminal to confirm on.', 'Run it with --yes.')
      const rl = createInterface({input: process.stdin, output: process.stderr})
      const answer = await rl.question(`Restore every file of ${args.run ?? 'the latest migration run'}${flags.purge ? ' and delete the vault entries it created' : ''}? [y/N] `)
      rl.close()
      if (!/^y(es)?$/i.test(answer.trim())) throw new CancelledError()
    }
    const result = await rollbackMigration({home: outloopHome(), env: process.env, backend: flags.vault, interactive, run: args.run, purge: flags.purge})
    const conflicts = result.outcome?.conflicts ?? []
    const failed = [...(result.outcome?.failed ?? []), ...result.recovered.filter((r) => r.run !== result.run).flatMap((r) => r.outcome.failed)]
    const journalNotSaved = [result.outcome, ...result.recovered.map((r) => r.outcome)].find((o) => o?.journalNotSaved !== undefined)?.journalNotSaved
    if (flags.json) {
      this.log(
        JSON.stringify(
          {
            schema: 'outloop.rollback/v1',
            run: result.run,
            alreadyRolledBack: result.alreadyRolledBack,
            restored: result.outcome?.restored ?? [],
            unchanged: result.outcome?.unchanged ?? [],
            conflicts,
            failed,
            recovered: result.recovered.map((r) => r.run),
            purged: result.purged,
            keptInUse: result.keptInUse,
          },
          null,
          2,
        ),
      )
    } else {
      for (const r of result.recovered) if (r.run !== result.run) this.logToStderr(`Undid unfinished run ${r.run}: ${count(r.outcome.restored.length, 'file')} restored.`)
      if (result.alreadyRolledBack) this.log(`Run ${result.run} was already rolled back.`)
      else this.log(`Rolled back run ${result.run}: ${count(result.outcome?.restored.length ?? 0, 'file')} restored, ${result.outcome?.unchanged.length ?? 0} already original${failed.length > 0 ? `, ${failed.length} not put back yet` : ''}.`)
      for (const c of conflicts) this.logToStderr(escapeControlChars(`Warning: ${c.file}: ${c.reason}`))
      if (flags.purge && failed.length > 0) this.log('Nothing was purged: the files not put back yet still need their backups and vault entries.')
      else if (flags.purge) this.log(`${count(result.purged, 'vault entry', 'vault entries')} deleted${result.keptInUse > 0 ? `; ${result.keptInUse} kept because another run's files point at them` : ''}.`)
      else this.log('The vault entries are kept (outloop rollback RUN --purge deletes the ones this run created).')
    }
    if (journalNotSaved !== undefined) this.logToStderr(`Warning: ${journalNotSaved}; the next outloop rollback checks the files again.`)
    if (failed.length > 0) {
      // Still holding placeholders, originals kept in the backups: the run stays unfinished until they are back.
      for (const f of failed) this.logToStderr(escapeControlChars(`Error: ${f.file}: ${f.reason}`))
      this.logToStderr(`Those files still hold placeholders; their originals are kept encrypted. Fix the cause, then run outloop rollback${result.run === null ? '' : ` ${result.run}`} again to put them back.`)
      this.exit(2)
    }
    if (conflicts.length > 0) this.exit(1)
  }
}

/** `n` with the noun in the number it takes: "1 file", "2 files", "0 files". */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}
