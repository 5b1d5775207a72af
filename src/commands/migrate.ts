import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../cli/command.js'
import {vaultBackendFlags} from '../cli/vault-flags.js'
import {UserError} from '../lib/errors.js'
import {outloopHome} from '../lib/paths.js'
import {ACCESS_LAYER_PORT} from '../services/access-setup.js'
import {migrateClients, MigrationStoppedError, type MigrateClientsOptions} from '../services/migrate.js'
import {migrationReporter, nextStepCommands, shellQuote} from '../ui/migrate-text.js'
import {askPassphraseOnTerminal, canPromptOnTerminal} from '../ui/tty.js'

export default class Migrate extends OutloopCommand {
  static override summary = 'Move every plaintext key into the vault and rewrite each reference to a placeholder, reversibly.'

  static override description = `Plans from a scan of PATH: one vault entry per unique key per client (outloop://<client>/<name>), and for each occurrence an edit that keeps the file valid for the tool reading it. --dry-run shows the plan and writes nothing; --yes applies it: every value is stored in the vault and read back, every file is backed up encrypted, then replaced atomically. outloop rollback undoes a run.

On a terminal without --yes, a wizard walks through it (clients, each key, each file's changes) and at the end offers to connect the client folders and start the access layer. Without a terminal, applying needs --yes (exit 2 otherwise).

Ctrl-C while applying stops cleanly: the file being written is finished, every file of the run is put back, and it exits 130.

Exit codes: 0 migrated (or planned, with --dry-run); 2 bad usage, or something to fix first (the message says what); 70 an internal error; 130 stopped (Ctrl-C, SIGTERM): every file of the run is as before.`

  static override examples = ['<%= config.bin %> migrate ~/clients --dry-run', '<%= config.bin %> migrate ~/clients --dry-run --json', '<%= config.bin %> migrate ~/clients --yes', '<%= config.bin %> migrate ~/clients --tenant acme --yes', '<%= config.bin %> migrate ~/clients --yes --serve']

  static override args = {
    path: Args.string({description: 'Folder holding the client folders.', default: '.'}),
  }

  static override flags = {
    ...vaultBackendFlags,
    'dry-run': Flags.boolean({description: 'Show the plan; write nothing.'}),
    yes: Flags.boolean({char: 'y', description: 'Apply the plan without asking.'}),
    json: Flags.boolean({description: 'Print the plan (with --dry-run) or the result as one JSON document.'}),
    tenant: Flags.string({description: 'Only migrate this client (repeatable).', multiple: true}),
    connect: Flags.boolean({description: 'After applying, connect each client folder to its client and, when there is no policy yet, write a starter one granting each client only its own keys.'}),
    serve: Flags.boolean({description: 'After applying and connecting, start the access layer (the broker, on 127.0.0.1:7745 or a free port) and keep it running until Ctrl-C. Implies --connect.'}),
    port: Flags.integer({description: `Port on 127.0.0.1 for the access layer that --serve or the wizard starts (default ${ACCESS_LAYER_PORT}, or a free one when that is taken; 0 picks a free one).`, min: 0, max: 65535}),
    interpolation: Flags.string({description: 'tool: where the tool resolves ${VAR} itself (compose, .mcp.json, .npmrc), write ${OUTLOOP_…} for outloop run to set.', options: ['never', 'tool'], default: 'never'}),
    'fix-base-urls': Flags.boolean({description: "Also comment out each client .env line hard-coding a provider's base URL (OPENAI_BASE_URL=https://…), which would send an agent loading that .env past the broker; rolled back like every other edit."}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Migrate)
    const interactive = canPromptOnTerminal()
    const wizard = !flags['dry-run'] && !flags.yes
    if (wizard && (!interactive || flags.json)) {
      throw new UserError('Migrating rewrites client files, and there is no terminal to confirm on.', `Review the plan with outloop migrate ${shellQuote(args.path)} --dry-run, then run it with --yes.`)
    }
    // ink draws no frames while CI is set (it renders only on exit there), so the wizard would sit blank.
    if (wizard && runningInCi()) {
      throw new UserError('Migrating rewrites client files, and the wizard cannot draw while CI is set.', `Review the plan with outloop migrate ${shellQuote(args.path)} --dry-run, then run it with --yes (or unset CI).`)
    }
    const mode: MigrateClientsOptions['mode'] = flags['dry-run']
      ? {kind: 'dry-run'}
      : flags.yes
        ? {kind: 'apply', access: flags.connect || flags.serve ? {serve: flags.serve, port: flags.port} : undefined}
        : {
            kind: 'review',
            port: flags.port,
            // ink and react load here only: every other path of migrate (and every other command) starts without them.
            review: async (session) => (await import('../ui/wizard/run.js')).runMigrationWizard({...session, nextSteps: nextStepCommands}),
          }
    try {
      await migrateClients({
        root: args.path,
        home: outloopHome(),
        env: process.env,
        backend: flags.vault,
        askPassphrase: interactive ? askPassphraseOnTerminal : undefined,
        tenants: flags.tenant,
        interpolation: flags.interpolation as 'never' | 'tool',
        fixBaseUrls: flags['fix-base-urls'],
        mode,
        report: migrationReporter({stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text)}, {json: flags.json}),
      })
    } catch (error) {
      // A stop was already told on the wizard's last screen: exit 130 without saying it twice.
      if (wizard && error instanceof MigrationStoppedError) this.exit(130)
      throw error
    }
  }
}

/** Whether CI or CONTINUOUS_INTEGRATION is set (and not 0/false), the test ink uses to stop drawing frames. */
function runningInCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in env && env[key] !== '0' && env[key] !== 'false')
}
