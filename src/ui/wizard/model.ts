import {escapeControlChars as shown} from '../../lib/display.js'
import type {SharedSecretChoice} from '../../plan/decisions.js'
import {SHARED_AREA_TENANT, type MigrationPlan, type PlannedVaultEntry} from '../../plan/migration-plan.js'

/** One client's row on the overview: counts only, never a value. */
export interface ClientOverviewRow {
  readonly tenant: string
  /** Occurrences of keys in the client's files. */
  readonly keys: number
  /** Distinct values (one vault entry each). */
  readonly unique: number
  /** Values written in more than one place. */
  readonly duplicated: number
  /** Values another client holds too. */
  readonly crossClient: number
  /** Values that belong to another client; null when the plan does not know. */
  readonly wrongClient: number | null
}

/**
 * Per-client counts, worst risks first (cross-client, then wrong-client, then duplicates). Counted from each
 * client's edits, so a copy of another client's key that points at the owner's entry still counts where it is.
 */
export function wizardOverviewRows(plan: MigrationPlan, wrongClient?: ReadonlyMap<string, number>): ClientOverviewRow[] {
  const entryOf = new Map(plan.entries.map((e) => [e.placeholder, e]))
  const rows = plan.tenants.map((tenant): ClientOverviewRow => {
    const counts = new Map<string, number>()
    for (const file of plan.files) if (file.tenant === tenant) for (const edit of file.edits) if (edit.fix === undefined) counts.set(edit.placeholder, (counts.get(edit.placeholder) ?? 0) + 1)
    const held = [...counts.keys()].flatMap((p) => entryOf.get(p) ?? [])
    return {
      tenant,
      keys: [...counts.values()].reduce((n, c) => n + c, 0),
      unique: counts.size,
      duplicated: [...counts.values()].filter((c) => c > 1).length,
      crossClient: held.filter((e) => e.sharedWith.length > 0 || e.guests.length > 0 || e.ref.tenant !== tenant).length,
      wrongClient: wrongClient === undefined ? null : (wrongClient.get(tenant) ?? 0),
    }
  })
  return rows.sort((a, b) => b.crossClient - a.crossClient || (b.wrongClient ?? 0) - (a.wrongClient ?? 0) || b.duplicated - a.duplicated || (a.tenant < b.tenant ? -1 : 1))
}

/** One value as the review screen shows it: the entries it gets in each client that holds it. */
export interface SecretGroup {
  readonly fingerprint: string
  readonly provider: string | null
  readonly ruleId: string
  readonly preview: string
  readonly entries: readonly PlannedVaultEntry[]
  readonly crossClient: boolean
  /** Whose key it is: the scan's owner (where it is at home), else the client holding it most often. */
  readonly owner: string
  /** Clients holding it that it does not belong to (a copy from the owner's folder), per the scan. */
  readonly wrongClients: readonly string[]
}

/** Entries grouped by value, wrong-client then cross-client ones first, so the riskiest decisions come up front. */
export function wizardSecretGroups(plan: MigrationPlan, owners: Readonly<Record<string, string>> = {}): SecretGroup[] {
  const byValue = new Map<string, PlannedVaultEntry[]>()
  for (const e of plan.entries) byValue.set(e.fingerprint, [...(byValue.get(e.fingerprint) ?? []), e])
  const groups = [...byValue.entries()].map(([fingerprint, entries]): SecretGroup => {
    const known = owners[fingerprint]
    // A template's copy of the value (outloop.templates) is the shared-area risk, not a client holding it.
    const clients = entries.filter((e) => !isOutloopTenant(e.ref.tenant))
    const owner = known ?? [...(clients.length > 0 ? clients : entries)].sort((a, b) => b.occurrences - a.occurrences || (a.ref.tenant < b.ref.tenant ? -1 : 1))[0].ref.tenant
    // Copies the plan points at the owner's entry (guests), and any client still given an entry of its own.
    const wrongClients = known === undefined ? [] : [...new Set([...clients.flatMap((e) => e.guests), ...clients.map((e) => e.ref.tenant)])].filter((t) => t !== known && !isOutloopTenant(t)).sort()
    return {fingerprint, provider: entries[0].provider, ruleId: entries[0].ruleId, preview: entries[0].preview, entries, crossClient: clients.some((e) => e.sharedWith.length > 0), owner, wrongClients}
  })
  return groups.sort(
    (a, b) => b.wrongClients.length - a.wrongClients.length || Number(b.crossClient) - Number(a.crossClient) || (a.entries[0].placeholder < b.entries[0].placeholder ? -1 : 1),
  )
}

/** Whether a tenant is outloop's own (the shared areas' `outloop.templates`, any `outloop.*`), never a client. */
export function isOutloopTenant(tenant: string): boolean {
  return tenant === SHARED_AREA_TENANT || tenant.startsWith('outloop.')
}

/**
 * The choices the review offers for a key, the default first: a key copied into the wrong client points the
 * copies at its owner's entry; a key several clients use at home gets an entry per client; any other key has
 * nothing to choose.
 */
export function wizardChoicesFor(group: SecretGroup): readonly SharedSecretChoice[] {
  if (group.wrongClients.length > 0) return ['owner-ref', 'owner-only', 'skip']
  if (group.crossClient) return ['separate', 'owner-only', 'skip']
  return []
}

/** The lines a file preview shows: per file, each changed line as redacted before and placeholder after. */
export function wizardFilePreviewLines(plan: MigrationPlan): string[] {
  const lines: string[] = []
  for (const file of plan.files) {
    lines.push(`${shown(file.relPath)} (${file.format})${file.wholeFile ? ', moved whole' : ''}`)
    for (const e of file.edits) {
      lines.push(`  - ${String(e.line).padStart(4)}: ${e.preview}`)
      lines.push(`  + ${String(e.line).padStart(4)}: ${e.decodesTo}`)
    }
  }
  return lines
}

/** The slice of a long list that fits `height` rows with `cursor` visible. */
export function visibleWindow<T>(items: readonly T[], cursor: number, height: number): {items: T[]; offset: number} {
  if (items.length <= height) return {items: [...items], offset: 0}
  const offset = Math.max(0, Math.min(cursor - Math.floor(height / 2), items.length - height))
  return {items: items.slice(offset, offset + height), offset}
}
