import {UserError} from '../lib/errors.js'
import {interpolationVariableFor} from '../rewrite/placeholder.js'
import type {RewriteEdit} from '../rewrite/types.js'
import {formatSecretRef, isValidSecretName} from '../vault/ref.js'
import type {MigrationPlan, PlannedFile, PlannedVaultEntry, SkippedMigrationFile} from './migration-plan.js'

/**
 * What to do with a key several clients hold: `separate` gives each client its own entry (the plan's default;
 * rotate afterwards), `owner-only` vaults it for `owner` alone and leaves the other clients' copies in place,
 * `skip` leaves every copy in place.
 */
export type SharedSecretChoice = 'separate' | 'owner-only' | 'skip'

/** Choices a person made about a plan (the wizard), expressed as plan inputs so `--yes` could take them too. */
export interface MigrationDecisions {
  /** Only these clients; undefined keeps every client of the plan. */
  readonly tenants?: readonly string[]
  /** Entry placeholder (`outloop://acme/openai-api-key`) → new entry name within the same client. */
  readonly renames?: Readonly<Record<string, string>>
  /** By value fingerprint. */
  readonly choices?: Readonly<Record<string, {readonly choice: SharedSecretChoice; readonly owner?: string}>>
}

const BASE64_STRATEGIES: ReadonlySet<string> = new Set(['base64-placeholder', 'credential-pair'])

/** One edit pointed at a renamed entry, its encoding kept; refuses rather than guess at an encoding it cannot redo. */
function renamedEdit(edit: RewriteEdit, to: string): RewriteEdit {
  const from = edit.placeholder
  const swap = (text: string, a: string, b: string): string => text.split(a).join(b)
  const refuse = (): never => {
    throw new UserError(`${from} can't be renamed: its rewrite at line ${edit.line} is encoded in a way the rename does not redo.`, 'Keep the planned name, or rename the entry after migrating (outloop vault).')
  }
  if (edit.strategy === 'tool-interpolation') {
    const oldVar = edit.variable ?? interpolationVariableFor(from)
    const newVar = interpolationVariableFor(to)
    if (!edit.replacement.includes(oldVar)) refuse()
    return {...edit, placeholder: to, replacement: swap(edit.replacement, oldVar, newVar), decodesTo: swap(edit.decodesTo, oldVar, newVar), variable: newVar}
  }
  if (BASE64_STRATEGIES.has(edit.strategy)) {
    const decoded = Buffer.from(edit.replacement, 'base64').toString('utf8')
    if (Buffer.from(decoded, 'utf8').toString('base64') !== edit.replacement || !decoded.includes(from)) refuse()
    return {...edit, placeholder: to, replacement: Buffer.from(swap(decoded, from, to), 'utf8').toString('base64'), decodesTo: swap(edit.decodesTo, from, to)}
  }
  if (!edit.replacement.includes(from)) refuse()
  return {...edit, placeholder: to, replacement: swap(edit.replacement, from, to), decodesTo: swap(edit.decodesTo, from, to)}
}

/**
 * Applies a person's decisions to a plan: clients left out, keys skipped or kept for their owning client
 * only, entries renamed. Pure, and it only removes or renames: every edit left is one the planner made, so
 * apply's checks (content hash, verified rewrite) hold as for any plan. Files whose edits all go are listed
 * as left in place.
 */
export function applyMigrationDecisions(plan: MigrationPlan, decisions: MigrationDecisions): MigrationPlan {
  const wanted = decisions.tenants === undefined ? undefined : new Set(decisions.tenants)
  const dropped = new Set<string>()
  for (const entry of plan.entries) {
    const choice = decisions.choices?.[entry.fingerprint]
    const outOfScope = wanted !== undefined && !wanted.has(entry.ref.tenant)
    const declined = choice !== undefined && (choice.choice === 'skip' || (choice.choice === 'owner-only' && choice.owner !== entry.ref.tenant))
    if (outOfScope || declined) dropped.add(entry.placeholder)
  }

  const renames = new Map<string, string>()
  const names = new Set(plan.entries.filter((e) => !dropped.has(e.placeholder)).map((e) => e.placeholder))
  for (const [placeholder, name] of Object.entries(decisions.renames ?? {})) {
    const entry = plan.entries.find((e) => e.placeholder === placeholder)
    if (entry === undefined || dropped.has(placeholder) || name === entry.ref.name) continue
    if (!isValidSecretName(name)) throw new UserError(`"${name}" is not a valid entry name.`, 'Use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit.')
    if (entry.existing) throw new UserError(`${placeholder} is already in the vault under that name.`, 'Keep its name, or rename it in the vault after migrating.')
    const to = formatSecretRef({tenant: entry.ref.tenant, name})
    if (names.has(to)) throw new UserError(`${to} is already planned for another key.`, 'Choose another name.')
    names.delete(placeholder)
    names.add(to)
    renames.set(placeholder, to)
  }

  const files: PlannedFile[] = []
  const skipped: SkippedMigrationFile[] = [...plan.skipped]
  for (const file of plan.files) {
    const kept = file.edits.filter((e) => !dropped.has(e.placeholder))
    if (kept.length === 0) {
      skipped.push({relPath: file.relPath, reason: 'left in place by choice'})
      continue
    }
    const edits = kept.map((e) => {
      const to = renames.get(e.placeholder)
      return to === undefined ? e : renamedEdit(e, to)
    })
    files.push({...file, edits, wholeFile: file.wholeFile && kept.length === file.edits.length})
  }

  const entries: PlannedVaultEntry[] = plan.entries
    .filter((e) => !dropped.has(e.placeholder))
    .map((e) => {
      const to = renames.get(e.placeholder)
      if (to === undefined) return e
      const name = to.slice(to.lastIndexOf('/') + 1)
      return {...e, ref: {tenant: e.ref.tenant, name}, placeholder: to, existing: false}
    })
  const tenants = [...new Set(files.map((f) => f.tenant))].sort()
  return {entries, files, skipped, tenants}
}
