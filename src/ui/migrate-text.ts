import {escapeControlChars} from '../lib/display.js'
import {baseUrlFixNotice, baseUrlOverrideWarning, isBaseUrlFixed} from '../plan/base-urls.js'
import {SHARED_AREA_TENANT} from '../plan/migration-plan.js'
import {migrationPlanToJson, renderMigrationPlanText} from '../plan/render.js'
import type {AccessSetupResult} from '../services/access-setup.js'
import type {MigrationEvent, MigrationOutcome} from '../services/migrate.js'
import {renderAccessSetupLines} from './access-text.js'

export const MIGRATE_RESULT_SCHEMA = 'outloop.migrate/v1'

/** Where a reporter writes: results on stdout, conversation on stderr (each call one piece of text). */
export interface MigrationOutput {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

/** A path as a shell reads it back. */
export function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./~-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`
}

/** What comes after a migration: connect each client folder, write the starter policy (when there is none), start the access layer. */
export function nextStepCommands(outcome: Pick<MigrationOutcome, 'clientFolders'>): string[] {
  return [...outcome.clientFolders.map((c) => `outloop connect ${shellQuote(c.folder)} --tenant ${c.tenant}`), 'outloop policy init', 'outloop serve']
}

/** The `--json` document of an applied migration (schema outloop.migrate/v1): names, paths and counts, never a value. */
export function migrationResultJson(outcome: MigrationOutcome, access: AccessSetupResult | undefined): object {
  return {
    schema: MIGRATE_RESULT_SCHEMA,
    run: outcome.run,
    root: outcome.root,
    entries: {created: outcome.created, reused: outcome.reused},
    written: outcome.written,
    skipped: outcome.skipped,
    recovered: outcome.recovered.map((r) => ({run: r.run, restored: r.outcome.restored.length, conflicts: r.outcome.conflicts})),
    shared: outcome.plan.entries.filter((e) => e.sharedWith.length > 0).map((e) => e.placeholder),
    next: outcome.run === null ? [] : nextStepCommands(outcome),
    ...(access === undefined ? {} : {access}),
  }
}

/** The text summary of an applied migration: warnings on stderr, the result and the next step on stdout. */
function migratedLines(outcome: MigrationOutcome, access: AccessSetupResult | undefined): {out: string[]; err: string[]} {
  const out: string[] = []
  const err: string[] = []
  for (const s of outcome.skipped) err.push(escapeControlChars(`Warning: ${s.file} skipped: ${s.reason}`))
  for (const o of outcome.plan.baseUrls ?? []) {
    if (isBaseUrlFixed(outcome.plan, o) && outcome.written.includes(o.relPath)) out.push(escapeControlChars(baseUrlFixNotice(o)))
    else err.push(escapeControlChars(`Warning: ${baseUrlOverrideWarning(o)}`))
  }
  if (outcome.run === null) {
    out.push('Nothing to migrate: no plaintext key left that a rewrite can move.')
    if (access !== undefined) out.push(...renderAccessSetupLines(access))
    return {out, err}
  }
  const shared = outcome.plan.entries.filter((e) => e.sharedWith.length > 0 && e.ref.tenant !== SHARED_AREA_TENANT)
  out.push(`Migrated (run ${outcome.run}): ${outcome.created} vault entries created, ${outcome.reused} already there; ${outcome.written.length} files rewritten, ${outcome.skipped.length} skipped.`)
  if (shared.length > 0) out.push(`${shared.length} keys are shared across clients: each client now has its own entry; rotate them (outloop vault rotate REF).`)
  for (const e of outcome.plan.entries.filter((x) => x.ref.tenant === SHARED_AREA_TENANT)) {
    out.push(escapeControlChars(`Shared areas now say outloop://@client/${e.ref.name}: each client set up from ${e.files.join(', ')} needs its own entry (outloop vault set <client>/${e.ref.name}).`))
  }
  out.push(`Undo with: outloop rollback ${outcome.run}`, '')
  if (access !== undefined) out.push(...renderAccessSetupLines(access))
  else out.push('Next: connect each client folder and start the access layer (or migrate with --serve):', ...nextStepCommands(outcome).map((c) => `  ${c}`))
  return {out, err}
}

/**
 * Renders what `outloop migrate` tells as it goes. With `json`, stdout gets exactly one document (the plan or
 * the result) and everything else goes to stderr, the access layer's lines included.
 */
export function migrationReporter(output: MigrationOutput, options: {json: boolean}): (event: MigrationEvent) => void {
  const out = (line: string): void => output.stdout(`${line}\n`)
  const err = (line: string): void => output.stderr(`${line}\n`)
  // The access layer's conversation: on stdout after a text summary, on stderr after a JSON document.
  const say = options.json ? err : out
  return (event) => {
    switch (event.kind) {
      case 'progress':
      case 'wrong-passphrase':
        return err(event.message)
      case 'stopping':
        return err('Stopping: finishing the file being written, then putting back every file of this run…')
      case 'planned': {
        const {planned} = event
        if (planned.vaultNote) err(planned.vaultNote)
        if (planned.unfinished.length > 0) err(`Unfinished run${planned.unfinished.length > 1 ? 's' : ''} ${planned.unfinished.join(', ')} will be undone first when this plan is applied.`)
        if (options.json) return out(JSON.stringify({...migrationPlanToJson(planned.plan), root: planned.root}, null, 2))
        return output.stdout(renderMigrationPlanText(planned.plan))
      }
      case 'migrated': {
        const {outcome, access} = event
        // The wizard's last screen already told the result and the next steps.
        if (event.reviewed) {
          if (outcome.run === null) out('Nothing to migrate: no plaintext key left that a rewrite can move.')
          if (access !== undefined) for (const line of renderAccessSetupLines(access)) out(line)
          return
        }
        if (options.json) return out(JSON.stringify(migrationResultJson(outcome, access), null, 2))
        const lines = migratedLines(outcome, access)
        for (const line of lines.err) err(line)
        for (const line of lines.out) out(line)
        return
      }
      case 'access-not-serving':
        if (!options.json) out('Start the access layer with: outloop serve')
        return
      case 'access-policy-problem':
        return say('The access layer was not started: fix the policy, then run outloop serve.')
      case 'access-warning':
        return err(`Warning: ${event.message}`)
      case 'access-already-running':
        return say(`The access layer is already running at ${event.url} (pid ${event.pid}): it sees the folders just connected and any policy edit from the next request on.`)
      case 'access-listening':
        say(`Access layer listening on ${event.url}${event.portTaken === undefined ? '' : ` (port ${event.portTaken} was taken)`}. Ctrl-C stops it.`)
        if (event.folder !== undefined) say(`Run an agent for a client through it: cd ${shellQuote(event.folder)} && outloop run -- <agent command>`)
        return
      case 'access-stopped':
        return say('Access layer stopped.')
    }
  }
}
