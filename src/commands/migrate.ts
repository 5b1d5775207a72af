import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../lib/command.js'
import {escapeControlChars} from '../lib/display.js'
import {CancelledError, UserError} from '../lib/errors.js'
import {outloopHome} from '../lib/paths.js'
import {untilStopSignal} from '../lib/process.js'
import type {SecretValue} from '../lib/secret-value.js'
import {baseUrlFixNotice, baseUrlOverrideWarning, isBaseUrlFixed} from '../plan/base-urls.js'
import {SHARED_AREA_TENANT} from '../plan/migration-plan.js'
import {migrationPlanToJson, renderMigrationPlanText} from '../plan/render.js'
import {ACCESS_LAYER_PORT, clientFoldersUnder, setUpAccessLayer, startAccessLayerBroker, vaultStarterEntries, type AccessSetupResult} from '../services/access-setup.js'
import {openVaultForService} from '../services/vault/store.js'
import {applyMigration, MigrationStoppedError, planMigration, type MigrationOutcome} from '../services/migrate.js'
import {renderAccessSetupLines} from '../ui/access-text.js'
import {vaultBackendFlags} from '../vault/command-flags.js'
import {FileSecretStore} from '../vault/file-store.js'
import {openSecretStore} from '../vault/open.js'
import {askPassphraseOnTerminal, canPromptOnTerminal, retryWrongPassphrase} from '../vault/tty.js'

export const MIGRATE_RESULT_SCHEMA = 'outloop.migrate/v1'

/** A path as a shell reads it back. */
function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./~-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`
}

/** What comes after a migration: connect each client folder, write the starter policy (when there is none), start the access layer. */
export function nextStepCommands(outcome: Pick<MigrationOutcome, 'clientFolders'>): string[] {
  return [...outcome.clientFolders.map((c) => `outloop connect ${shellQuote(c.folder)} --tenant ${c.tenant}`), 'outloop policy init', 'outloop serve']
}

/**
 * Opens the file vault on the terminal (asking its passphrase, if it has one, again after a wrong one) and
 * returns an environment that carries it, in memory only.
 */
async function unlockVaultBeforeWizard(options: {home: string; env: NodeJS.ProcessEnv; backend?: string}): Promise<NodeJS.ProcessEnv> {
  let given: SecretValue | undefined
  const {store} = openSecretStore({home: options.home, env: options.env, backend: options.backend, askPassphrase: async (purpose) => (given = await askPassphraseOnTerminal(purpose))})
  if (store instanceof FileSecretStore) await retryWrongPassphrase(() => store.initialize(), {typed: () => given !== undefined, tell: (line) => process.stderr.write(`${line}\n`)})
  return given === undefined ? options.env : {...options.env, OUTLOOP_PASSPHRASE: given.reveal()}
}

export default class Migrate extends OutloopCommand {
  static override summary = 'Move every plaintext key into the vault and rewrite each reference to a placeholder, reversibly.'

  static override description = `Plans from a scan of PATH: one vault entry per unique key per client (outloop://<client>/<name>), and for each occurrence an edit that keeps the file valid for the tool reading it. --dry-run shows the plan and writes nothing; --yes applies it: every value is stored in the vault and read back, every file is backed up encrypted, then replaced atomically. outloop rollback undoes a run.

On a terminal without --yes, a wizard walks through it (clients, each key, each file's changes) and at the end offers to connect the client folders and start the access layer. Without a terminal, applying needs --yes (exit 2 otherwise).

Ctrl-C while applying stops cleanly: the file being written is finished, every file of the run is put back, and it exits 130.`

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
    const options = {
      root: args.path,
      home: outloopHome(),
      env: process.env,
      backend: flags.vault,
      interactive,
      tenants: flags.tenant,
      interpolation: flags.interpolation as 'never' | 'tool',
      fixBaseUrls: flags['fix-base-urls'],
      onProgress: (message: string) => this.logToStderr(message),
    }
    if (flags['dry-run']) {
      const planned = await planMigration(options)
      if (planned.vaultNote) this.logToStderr(planned.vaultNote)
      if (planned.unfinished.length > 0) this.logToStderr(`Unfinished run${planned.unfinished.length > 1 ? 's' : ''} ${planned.unfinished.join(', ')} will be undone first when this plan is applied.`)
      if (flags.json) this.log(JSON.stringify({...migrationPlanToJson(planned.plan), root: planned.root}, null, 2))
      else process.stdout.write(renderMigrationPlanText(planned.plan))
      return
    }
    if (!flags.yes) {
      if (!interactive || flags.json) {
        throw new UserError('Migrating rewrites client files, and there is no terminal to confirm on.', `Review the plan with outloop migrate ${shellQuote(args.path)} --dry-run, then run it with --yes.`)
      }
      // ink draws no frames while CI is set (it renders only on exit there), so the wizard would sit blank.
      if (runningInCi()) {
        throw new UserError('Migrating rewrites client files, and the wizard cannot draw while CI is set.', `Review the plan with outloop migrate ${shellQuote(args.path)} --dry-run, then run it with --yes (or unset CI).`)
      }
      // The wizard owns the keyboard once drawn, so the vault is unlocked (or created) before it starts.
      const wizardOptions = {...options, env: await unlockVaultBeforeWizard(options), interactive: false}
      // The wizard only shapes the plan (clients, names, shared keys); the same services apply it.
      // ink and react load here only: every other path of migrate (and every other command) starts without them.
      const {runMigrationWizard} = await import('../ui/wizard/run.js')
      const result = await runMigrationWizard({
        plan: (onScanProgress) => planMigration({...wizardOptions, onProgress: undefined, onScanProgress}),
        // Ctrl-C on the wizard is a key (raw mode); a SIGINT or SIGTERM from elsewhere stops the run the same way.
        apply: (planned, onProgress, stop) => whileStoppable((signal) => applyMigration({...wizardOptions, onProgress, plan: planned, signal: AbortSignal.any([signal, stop])}), () => {}),
        nextSteps: nextStepCommands,
      })
      if (result.kind === 'cancelled') throw new CancelledError()
      // A stop was already told on the wizard's last screen: exit 130 without saying it twice.
      if (result.kind === 'failed' && result.error instanceof MigrationStoppedError) this.exit(130)
      if (result.kind === 'failed') throw result.error
      if (result.outcome.run === null) this.log('Nothing to migrate: no plaintext key left that a rewrite can move.')
      else if (result.startAccessLayer) await this.startAccessLayer(result.outcome, wizardOptions, {serve: true, port: flags.port})
      return
    }
    const connect = flags.connect || flags.serve
    const outcome = await whileStoppable((signal) => applyMigration({...options, signal}), () => this.logToStderr('Stopping: finishing the file being written, then putting back every file of this run…'))
    const next = nextStepCommands(outcome)
    // Nothing left to move (a finished migration): --connect still connects the clients the vault holds keys of and writes the policy.
    const access = !connect ? undefined : outcome.run !== null ? await setUpAccessLayer({home: options.home, clientFolders: outcome.clientFolders, entries: migratedEntries(outcome)}) : await this.accessForVault(outcome.root, options)
    if (flags.json) {
      this.log(
        JSON.stringify(
          {
            schema: MIGRATE_RESULT_SCHEMA,
            run: outcome.run,
            root: outcome.root,
            entries: {created: outcome.created, reused: outcome.reused},
            written: outcome.written,
            skipped: outcome.skipped,
            recovered: outcome.recovered.map((r) => ({run: r.run, restored: r.outcome.restored.length, conflicts: r.outcome.conflicts})),
            shared: outcome.plan.entries.filter((e) => e.sharedWith.length > 0).map((e) => e.placeholder),
            next: outcome.run === null ? [] : next,
            ...(access === undefined ? {} : {access}),
          },
          null,
          2,
        ),
      )
      if (flags.serve && access !== undefined) await this.startAccessLayer(outcome, options, {serve: true, access, quiet: true, port: flags.port})
      return
    }
    for (const s of outcome.skipped) this.logToStderr(escapeControlChars(`Warning: ${s.file} skipped: ${s.reason}`))
    for (const o of outcome.plan.baseUrls ?? []) {
      if (isBaseUrlFixed(outcome.plan, o) && outcome.written.includes(o.relPath)) this.log(escapeControlChars(baseUrlFixNotice(o)))
      else this.logToStderr(escapeControlChars(`Warning: ${baseUrlOverrideWarning(o)}`))
    }
    if (outcome.run === null) {
      this.log('Nothing to migrate: no plaintext key left that a rewrite can move.')
      if (access !== undefined) await this.startAccessLayer(outcome, options, {serve: flags.serve, access, port: flags.port})
      return
    }
    const shared = outcome.plan.entries.filter((e) => e.sharedWith.length > 0 && e.ref.tenant !== SHARED_AREA_TENANT)
    this.log(`Migrated (run ${outcome.run}): ${outcome.created} vault entries created, ${outcome.reused} already there; ${outcome.written.length} files rewritten, ${outcome.skipped.length} skipped.`)
    if (shared.length > 0) this.log(`${shared.length} keys are shared across clients: each client now has its own entry; rotate them (outloop vault rotate REF).`)
    for (const e of outcome.plan.entries.filter((x) => x.ref.tenant === SHARED_AREA_TENANT)) {
      this.log(escapeControlChars(`Shared areas now say outloop://@client/${e.ref.name}: each client set up from ${e.files.join(', ')} needs its own entry (outloop vault set <client>/${e.ref.name}).`))
    }
    this.log(`Undo with: outloop rollback ${outcome.run}`)
    this.log('')
    if (access !== undefined) {
      await this.startAccessLayer(outcome, options, {serve: flags.serve, access, port: flags.port})
      return
    }
    this.log('Next: connect each client folder and start the access layer (or migrate with --serve):')
    for (const command of next) this.log(`  ${command}`)
  }

  /** Connecting after a finished migration: the client folders and the entries come from the vault, not from a plan. */
  private async accessForVault(root: string, options: {home: string; env: NodeJS.ProcessEnv; backend?: string; interactive: boolean}): Promise<AccessSetupResult> {
    const entries = await vaultStarterEntries(openVaultForService(options).store)
    return setUpAccessLayer({home: options.home, clientFolders: await clientFoldersUnder(root, new Set(entries.map((e) => e.tenant))), entries})
  }

  /**
   * The step after a migration, one decision for the person: connect every client folder, write a starter
   * policy when there is none, and (serve) run the broker in the foreground until Ctrl-C.
   */
  private async startAccessLayer(outcome: MigrationOutcome, options: {home: string; env: NodeJS.ProcessEnv; backend?: string}, how: {serve: boolean; access?: AccessSetupResult; quiet?: boolean; port?: number}): Promise<void> {
    const access = how.access ?? (await setUpAccessLayer({home: options.home, clientFolders: outcome.clientFolders, entries: migratedEntries(outcome)}))
    const say = (line: string): void => (how.quiet ? this.logToStderr(line) : this.log(line))
    if (!how.quiet) for (const line of renderAccessSetupLines(access)) say(line)
    if (!how.serve) {
      say('Start the access layer with: outloop serve')
      return
    }
    if (access.policy.problem !== undefined) {
      say('The access layer was not started: fix the policy, then run outloop serve.')
      return
    }
    const started = await startAccessLayerBroker({home: options.home, env: options.env, backend: options.backend, interactive: false, preferredPort: how.port, warn: (message) => this.logToStderr(`Warning: ${message}`)})
    if (started.kind === 'already-running') {
      say(`The access layer is already running at ${started.url} (pid ${started.pid}): it sees the folders just connected and any policy edit from the next request on.`)
      return
    }
    const folder = access.connected[0]?.folder
    say(`Access layer listening on ${started.broker.url}${started.fellBack ? ` (port ${how.port ?? ACCESS_LAYER_PORT} was taken)` : ''}. Ctrl-C stops it.`)
    if (folder !== undefined) say(`Run an agent for a client through it: cd ${shellQuote(folder)} && outloop run -- <agent command>`)
    await untilStopSignal()
    await started.stop()
    say('Access layer stopped.')
  }
}

/** The entries a migration stored, as the access layer names them (no values). */
function migratedEntries(outcome: MigrationOutcome): {tenant: string; name: string; provider: string | null; ruleId: string}[] {
  return outcome.plan.entries.map((e) => ({tenant: e.ref.tenant, name: e.ref.name, provider: e.provider, ruleId: e.ruleId}))
}

/**
 * Runs `work` with SIGINT and SIGTERM turned into a stop request instead of an exit: a migration killed
 * mid-file is recovered later, but one asked to stop finishes its file and puts everything back now.
 */
async function whileStoppable<T>(work: (signal: AbortSignal) => Promise<T>, onStop: () => void): Promise<T> {
  const controller = new AbortController()
  const stop = (): void => {
    if (!controller.signal.aborted) onStop()
    controller.abort()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  try {
    return await work(controller.signal)
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

/** Whether CI or CONTINUOUS_INTEGRATION is set (and not 0/false), the test ink uses to stop drawing frames. */
function runningInCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in env && env[key] !== '0' && env[key] !== 'false')
}
