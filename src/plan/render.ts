import {escapeControlChars} from '../lib/display.js'
import {baseUrlFixNotice, baseUrlOverrideWarning, isBaseUrlFixed} from './base-urls.js'
import {SHARED_AREA_TENANT, type MigrationPlan} from './migration-plan.js'

export const MIGRATE_PLAN_SCHEMA = 'outloop.migrate-plan/v1'

/** The plan as data (`--dry-run --json`): names, places, strategies and previews; never a value. */
export function migrationPlanToJson(plan: MigrationPlan): Record<string, unknown> {
  return {
    schema: MIGRATE_PLAN_SCHEMA,
    tenants: plan.tenants,
    entries: plan.entries.map((e) => ({
      ref: e.placeholder,
      tenant: e.ref.tenant,
      name: e.ref.name,
      rule: e.ruleId,
      provider: e.provider,
      kind: e.kind,
      fingerprint: e.fingerprint,
      preview: e.preview,
      existing: e.existing,
      sharedAcrossClients: e.sharedWith.length > 0 && e.ref.tenant !== SHARED_AREA_TENANT,
      sharedWith: e.sharedWith,
      guests: e.guests,
      files: e.files,
      occurrences: e.occurrences,
    })),
    files: plan.files.map((f) => ({
      file: f.relPath,
      tenant: f.tenant,
      format: f.format,
      wholeFile: f.wholeFile,
      edits: f.edits.map((e) => ({
        line: e.line,
        column: e.column,
        strategy: e.strategy,
        entry: e.entry,
        placeholder: e.placeholder,
        owner: e.owner,
        foreign: e.foreign,
        ...(e.stored === undefined ? {} : {stored: e.stored}),
        ...(e.fix === undefined ? {} : {fix: e.fix}),
        writes: e.decodesTo,
        ...(e.variable === undefined ? {} : {variable: e.variable}),
        preview: e.preview,
        rules: e.findings.map((x) => x.ruleId),
        reason: e.reason,
      })),
    })),
    skipped: plan.skipped.map((s) => ({file: s.relPath, reason: s.reason})),
    baseUrlOverrides: (plan.baseUrls ?? []).map((o) => ({file: o.relPath, line: o.line, variable: o.variable, service: o.service, commentedOut: isBaseUrlFixed(plan, o)})),
    stats: {entries: plan.entries.length, files: plan.files.length, edits: plan.files.reduce((n, f) => n + f.edits.length, 0), shared: plan.entries.filter((e) => e.sharedWith.length > 0 && e.ref.tenant !== SHARED_AREA_TENANT).length, sharedAreas: plan.entries.filter((e) => e.ref.tenant === SHARED_AREA_TENANT).length, foreign: plan.files.reduce((n, f) => n + f.edits.filter((e) => e.foreign).length, 0), skipped: plan.skipped.length},
  }
}

/** The plan as a person reads it: entries per client, then each file's edits with previews and why. */
export function renderMigrationPlanText(plan: MigrationPlan): string {
  const lines: string[] = []
  const edits = plan.files.reduce((n, f) => n + f.edits.length, 0)
  if (plan.entries.length === 0 && plan.files.length === 0) {
    lines.push('Nothing to migrate: no plaintext key found that a rewrite can move.')
  } else {
    lines.push(`Plan: ${plan.entries.length} vault ${plan.entries.length === 1 ? 'entry' : 'entries'} for ${plan.tenants.length} ${plan.tenants.length === 1 ? 'client' : 'clients'}, ${edits} ${edits === 1 ? 'edit' : 'edits'} in ${plan.files.length} ${plan.files.length === 1 ? 'file' : 'files'}.`)
  }
  for (const tenant of plan.tenants) {
    lines.push('', `${tenant}`)
    for (const e of plan.entries.filter((x) => x.ref.tenant === tenant)) {
      const notes = [
        e.existing ? 'already in the vault' : '',
        e.sharedWith.length > 0 ? `shared across clients (${e.sharedWith.join(', ')}): rotate` : '',
        e.guests.length > 0 ? `copied into ${e.guests.join(', ')}: those copies point here and are refused for ${e.guests.length === 1 ? 'that client' : 'those clients'}` : '',
      ].filter(Boolean)
      lines.push(`  ${e.placeholder}  ${e.ruleId}  ${e.preview}  ${e.occurrences}x in ${e.files.length} ${e.files.length === 1 ? 'file' : 'files'}${notes.length > 0 ? `  [${notes.join('; ')}]` : ''}`)
    }
  }
  const templates = plan.entries.filter((e) => e.ref.tenant === SHARED_AREA_TENANT)
  if (templates.length > 0) {
    lines.push('', 'Shared areas (no client): each key becomes outloop://@client/<name>, the calling client\'s own entry <name>')
    for (const e of templates) {
      const also = e.sharedWith.length > 0 ? `  [also ${e.sharedWith.join(', ')}'s key]` : ''
      lines.push(`  ${e.placeholder}  ${e.ruleId}  ${e.preview}  ${e.occurrences}x in ${e.files.length} ${e.files.length === 1 ? 'file' : 'files'}  (the template's own value, kept in the vault for no client)${also}`)
    }
  }
  if (plan.files.length > 0) lines.push('', 'Edits')
  for (const f of plan.files) {
    lines.push(`  ${f.relPath} (${f.format})${f.wholeFile ? ', moved whole' : ''}`)
    for (const e of f.edits) lines.push(`    ${e.line}:${e.column}  ${e.preview} → ${e.decodesTo}  (${e.strategy}: ${e.reason})${e.foreign ? `  [${e.owner}'s key: points at ${e.owner}'s entry, not vaulted for ${f.tenant}]` : ''}`)
  }
  if (plan.skipped.length > 0) {
    lines.push('', 'Left in place')
    for (const s of plan.skipped) lines.push(`  ${s.relPath}: ${s.reason}`)
  }
  const shared = plan.entries.filter((e) => e.sharedWith.length > 0 && e.ref.tenant !== SHARED_AREA_TENANT).length
  const fixed = (plan.baseUrls ?? []).filter((o) => isBaseUrlFixed(plan, o))
  const unfixed = (plan.baseUrls ?? []).filter((o) => !isBaseUrlFixed(plan, o))
  if (fixed.length > 0) {
    lines.push('', 'Base URLs')
    for (const o of fixed) lines.push(`  ${baseUrlFixNotice(o)}`)
  }
  if (unfixed.length > 0) {
    lines.push('', 'Warnings')
    for (const o of unfixed) lines.push(`  ${baseUrlOverrideWarning(o)}`)
    lines.push('  outloop migrate --fix-base-urls comments these lines out (rolled back like every other edit).')
  }
  const foreign = plan.files.reduce((n, f) => n + f.edits.filter((e) => e.foreign).length, 0)
  if (foreign > 0) lines.push('', `${foreign} ${foreign === 1 ? 'copy' : 'copies'} of another client's key: each points at its owner's entry, which the broker refuses for the client holding the copy. Give that client its own key, or remove the copy.`)
  for (const e of templates) {
    const name = e.ref.name
    lines.push('', `Clients set up from ${e.files.join(', ')} need their own ${name} entry${e.sharedWith.length > 0 ? ` (${e.sharedWith.join(', ')} ${e.sharedWith.length === 1 ? 'has' : 'have'} one)` : ''}: outloop vault set <client>/${name}`)
  }
  if (shared > 0) lines.push('', `${shared} ${shared === 1 ? 'key is' : 'keys are'} shared across clients: each client gets its own entry with the same value. Rotate them so each client has its own key.`)
  // Paths, names and reasons come from the files: each line escaped whole, so none can add lines or drive the terminal.
  return lines.map(escapeControlChars).join('\n') + '\n'
}
