import {UserError} from '../lib/errors.js'
import {interpolationVariableFor} from '../rewrite/placeholder.js'
import type {RewriteEdit} from '../rewrite/types.js'
import {formatSecretRef, isValidSecretName} from '../vault/ref.js'
import {SHARED_AREA_TENANT, type MigrationPlan, type PlannedEdit, type PlannedFile, type PlannedVaultEntry, type SkippedMigrationFile} from './migration-plan.js'

/**
 * What to do with a key several clients hold. For a key copied into a client it does not belong to: `owner-ref`
 * (the plan's default) vaults it for its owner and points the copies at the owner's entry, which the broker
 * refuses for the other clients. For a key used at home by several clients: `separate` (the plan's default)
 * gives each client its own entry with the same value (rotate afterwards). Either way `owner-only` vaults it
 * for `owner` alone and leaves the other clients' copies in place, and `skip` leaves every copy in place.
 */
export type SharedSecretChoice = 'owner-ref' | 'separate' | 'owner-only' | 'skip'

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
function renamedEdit<E extends RewriteEdit>(edit: E, to: string): E {
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
  const entryOf = new Map(plan.entries.map((e) => [e.placeholder, e]))
  // Decided per edit, by the client whose file it is in: a client left out keeps its files as they are, even
  // where they point at another client's entry, and that entry is written only when a kept edit needs it.
  const keepEdit = (file: PlannedFile, edit: PlannedEdit): boolean => {
    // A shared area belongs to no client: leaving clients out keeps it, as its values have an entry of their own.
    if (wanted !== undefined && file.tenant !== null && !wanted.has(file.tenant)) return false
    const entry = entryOf.get(edit.stored ?? edit.placeholder)
    const choice = entry === undefined ? undefined : decisions.choices?.[entry.fingerprint]
    if (choice === undefined) return true
    if (choice.choice === 'skip') return false
    if (choice.choice === 'owner-only') return choice.owner === file.tenant
    return true
  }
  const keptByFile = new Map(plan.files.map((f) => [f.relPath, f.edits.filter((e) => keepEdit(f, e))]))
  const used = new Set([...keptByFile.values()].flatMap((edits) => edits.map((e) => e.stored ?? e.placeholder)))
  const dropped = new Set(plan.entries.filter((e) => !used.has(e.placeholder)).map((e) => e.placeholder))

  const renames = new Map<string, string>()
  const names = new Set(plan.entries.filter((e) => !dropped.has(e.placeholder)).map((e) => e.placeholder))
  for (const [placeholder, name] of Object.entries(decisions.renames ?? {})) {
    const entry = plan.entries.find((e) => e.placeholder === placeholder)
    if (entry === undefined || dropped.has(placeholder) || name === entry.ref.name) continue
    // Its name is the `outloop://@client/<name>` the templates use, which clients' entries answer to.
    if (entry.ref.tenant === SHARED_AREA_TENANT) throw new UserError(`${placeholder} can't be renamed: the shared areas refer to it as outloop://@client/${entry.ref.name}.`, 'Keep its name, or rename it in the templates after migrating.')
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
    const kept = keptByFile.get(file.relPath) ?? []
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

  // Files and guests as the kept edits have them: a guest whose copy stays in place no longer points here.
  const usage = new Map<string, {files: Set<string>; occurrences: number; guests: Set<string>}>()
  for (const file of files) {
    for (const edit of file.edits) {
      const stored = edit.stored ?? edit.placeholder
      const use = usage.get(stored) ?? {files: new Set<string>(), occurrences: 0, guests: new Set<string>()}
      use.files.add(file.relPath)
      use.occurrences += 1
      if (edit.foreign && file.tenant !== null) use.guests.add(file.tenant)
      usage.set(stored, use)
    }
  }
  const entries: PlannedVaultEntry[] = plan.entries
    .filter((e) => !dropped.has(e.placeholder))
    .map((e) => {
      const to = renames.get(e.placeholder)
      if (to === undefined) return e
      const name = to.slice(to.lastIndexOf('/') + 1)
      return {...e, ref: {tenant: e.ref.tenant, name}, placeholder: to, existing: false}
    })
    .map((e) => {
      const use = usage.get(e.placeholder)
      return use === undefined ? e : {...e, files: [...use.files].sort(), occurrences: use.occurrences, guests: [...use.guests].sort()}
    })
  const tenants = [...new Set([...files.flatMap((f) => (f.tenant === null ? [] : [f.tenant])), ...entries.map((e) => e.ref.tenant)])].filter((t) => t !== SHARED_AREA_TENANT).sort()
  return {entries, files, skipped, tenants, ...(plan.baseUrls === undefined ? {} : {baseUrls: plan.baseUrls})}
}
