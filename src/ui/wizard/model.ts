import {escapeControlChars as shown} from '../../lib/display.js'
import type {MigrationPlan, PlannedVaultEntry} from '../../plan/migration-plan.js'

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

/** Per-client counts, worst risks first (cross-client, then wrong-client, then duplicates). */
export function wizardOverviewRows(plan: MigrationPlan, wrongClient?: ReadonlyMap<string, number>): ClientOverviewRow[] {
  const rows = plan.tenants.map((tenant): ClientOverviewRow => {
    const entries = plan.entries.filter((e) => e.ref.tenant === tenant)
    return {
      tenant,
      keys: entries.reduce((n, e) => n + e.occurrences, 0),
      unique: entries.length,
      duplicated: entries.filter((e) => e.occurrences > 1).length,
      crossClient: entries.filter((e) => e.sharedWith.length > 0).length,
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
    const owner = known ?? [...entries].sort((a, b) => b.occurrences - a.occurrences || (a.ref.tenant < b.ref.tenant ? -1 : 1))[0].ref.tenant
    const wrongClients = known === undefined ? [] : entries.map((e) => e.ref.tenant).filter((t) => t !== known)
    return {fingerprint, provider: entries[0].provider, ruleId: entries[0].ruleId, preview: entries[0].preview, entries, crossClient: entries.some((e) => e.sharedWith.length > 0), owner, wrongClients}
  })
  return groups.sort(
    (a, b) => b.wrongClients.length - a.wrongClients.length || Number(b.crossClient) - Number(a.crossClient) || (a.entries[0].placeholder < b.entries[0].placeholder ? -1 : 1),
  )
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
