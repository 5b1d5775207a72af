import {createHmac} from 'node:crypto'

import {ruleById} from '../detectors/index.js'
import type {BaseUrlOverride} from './base-urls.js'
import {isCopiedPlace} from '../scan/analyze.js'
import {fingerprintSecret} from '../lib/fingerprint.js'
import {previewSecret} from '../lib/preview.js'
import type {SecretValue} from '../lib/secret-value.js'
import {planFileRewrite, RewriteError, type RewriteEdit, type RewriteFinding, type RewriteStrategyId, type RewriteTarget, type VaultEntryKind} from '../rewrite/index.js'
import {formatClientRelativeRef, formatSecretRef, isValidSecretName, tryParseSecretRef, type SecretRef} from '../vault/ref.js'

/**
 * The vault namespace holding the values found in shared areas (`_templates/`). Not a client: `outloop.` names are
 * outloop's own, left out of listings and starter policies, so no session is ever granted them. It keeps the
 * template's value (for rollback --purge and for whoever sets clients up from it) while the template itself
 * points at each calling client's own entry.
 */
export const SHARED_AREA_TENANT = 'outloop.templates'

/** One file as the planner sees it: its text, its client, and the findings a scan made in it. */
export interface MigrationSourceFile {
  readonly relPath: string
  /** The client the file belongs to; null in shared areas (templates), which have no client to vault for. */
  readonly tenant: string | null
  readonly text: string
  readonly findings: readonly (RewriteFinding & {readonly allowed?: boolean})[]
}

/** An entry already in the vault: names taken, and values a new run can point at instead of copying. */
export interface ExistingVaultEntry {
  readonly tenant: string
  readonly name: string
  readonly fingerprint: string
}

export interface MigrationPlanOptions {
  readonly files: readonly MigrationSourceFile[]
  /** HMAC key for fingerprints (OUTLOOP_HOME/fingerprint.key), the one the vault uses too. */
  readonly fingerprintKey: Buffer
  /** Limit the plan to these clients; every client is still read so cross-client keys are recognised. */
  readonly tenants?: readonly string[]
  readonly existing?: readonly ExistingVaultEntry[]
  readonly interpolation?: 'never' | 'tool'
  /**
   * Value fingerprint → the client it belongs to, as the scan decided (where the key is at home). A copy of
   * such a key in another client's files points at the owner's entry instead of being vaulted for that client.
   */
  readonly owners?: Readonly<Record<string, string>>
}

/** One vault entry the migration writes (or finds already there). */
export interface PlannedVaultEntry {
  readonly ref: SecretRef
  readonly placeholder: string
  readonly ruleId: string
  readonly provider: string | null
  readonly kind: VaultEntryKind
  readonly value: SecretValue
  readonly fingerprint: string
  readonly preview: string
  /** The vault already holds this value under this name (a second run, or a run after rollback). */
  readonly existing: boolean
  /** Other clients holding the same value: each gets its own entry, and the key should be rotated. */
  readonly sharedWith: readonly string[]
  readonly files: readonly string[]
  readonly occurrences: number
  /**
   * Other clients whose files hold a copy of this client's key and now point at this entry: the broker
   * refuses it for their sessions (tenant-mismatch), so nothing of this client's reaches them.
   */
  readonly guests: readonly string[]
}

/**
 * One occurrence's edit with whose key it is: `owner` is the client the scan says the value belongs to
 * (null when it could not tell), `foreign` is set when that is not the file's client, so the edit writes the
 * owner's placeholder rather than a new entry of the file's client.
 */
export type PlannedEdit = RewriteEdit & {
  readonly owner: string | null
  readonly foreign: boolean
  /**
   * The vault entry holding this edit's value when the placeholder names none: a shared area's
   * `outloop://@client/<name>` edit stores its value as `outloop://outloop.templates/<name>`.
   */
  readonly stored?: string
  /** Set on an edit that vaults nothing: `base-url` comments out a hard-coded base URL (placeholder empty). */
  readonly fix?: 'base-url'
}

/** Everything one file's rewrite changes. */
export interface PlannedFile {
  readonly relPath: string
  /** null in a shared area (`_templates/`): its edits write `outloop://@client/<name>`. */
  readonly tenant: string | null
  readonly format: string
  readonly edits: readonly PlannedEdit[]
  readonly wholeFile: boolean
  /** HMAC of the text the plan was made for: a file that differs at apply time is skipped, not clobbered. */
  readonly contentHash: string
}

/** A file with findings that the plan leaves alone, and why (position and our own words only). */
export interface SkippedMigrationFile {
  readonly relPath: string
  readonly reason: string
}

export interface MigrationPlan {
  readonly entries: readonly PlannedVaultEntry[]
  readonly files: readonly PlannedFile[]
  readonly skipped: readonly SkippedMigrationFile[]
  readonly tenants: readonly string[]
  /** Dotenv lines hard-coding a provider's base URL, which override the broker's for agents loading `.env`. */
  readonly baseUrls?: readonly BaseUrlOverride[]
}

/** HMAC-SHA256 of a file's text under the installation key: compares contents without keeping any. */
export function contentHashOf(key: Buffer, content: string | Buffer): string {
  return createHmac('sha256', key).update(typeof content === 'string' ? Buffer.from(content, 'utf8') : content).digest('hex')
}

/** A name part in the placeholder alphabet: lower-case, `_` and spaces as `-`, nothing else. */
/** `base`, or `base-2`, `base-3`…: the first name in `tenant` that no other value holds in any of `holders` (tenant/name → fingerprint). */
function freeEntryName(tenant: string, base: string, fingerprint: string, holders: ReadonlyArray<ReadonlyMap<string, string>>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const key = `${tenant}/${candidate}`
    let holder: string | undefined
    for (const map of holders) holder ??= map.get(key)
    if (holder === undefined || holder === fingerprint) return candidate
  }
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/[-_.]{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[^a-z0-9]+$/, '')
    .slice(0, 96)
}

/**
 * The entry name a key gets: its variable or field name (`OPENAI_API_KEY` → `openai-api-key`), with the
 * provider in front when the name does not say it (`API_KEY` of an OpenAI key → `openai-api-key`); the
 * rule id when there is no usable name.
 */
export function baseEntryName(name: string | null, ruleId: string, provider: string | null): string {
  // A header or a bare "key" says how the key is sent, not what it is: `Authorization: Bearer sk-or-…` is an OpenRouter key.
  const slug = name === null || HOW_SENT.test(slugOf(name)) ? '' : slugOf(name)
  const providerSlug = provider === null ? '' : slugOf(provider.split(/\s+/)[0])
  const ruleSlug = slugOf(ruleId) || 'secret'
  if (slug === '' || !/[a-z]/.test(slug)) return ruleSlug
  if (providerSlug === '' || slug.includes(providerSlug) || slug.includes(ruleSlug.split('-')[0])) return slug
  return `${ruleSlug.split('-')[0]}-${slug}`
}

const HOW_SENT = /^(x-api-key|x-auth-token|(proxy-)?authorization|auth|bearer)$/

/**
 * The one base name each value gets in every client that holds it: from its first occurrence outside copied
 * places (skills, notes), in path order, else its first anywhere. Two clients' entries of one value then share a
 * name (`shopify-access-token` in both, not `x-shopify-access-token` in the second).
 */
function baseNamesByValue(files: readonly MigrationSourceFile[], key: Buffer, interpolation: 'never' | 'tool'): Map<string, string> {
  const home = new Map<string, string>()
  const anywhere = new Map<string, string>()
  for (const file of files) {
    const findings = file.findings.filter((f) => f.allowed !== true)
    if (findings.length === 0 || file.tenant === null) continue
    const copied = isCopiedPlace(file.relPath)
    const record = (target: RewriteTarget): string => {
      const fingerprint = fingerprintSecret(key, target.vaultValue)
      const base = baseEntryName(target.name, target.ruleId, ruleById(target.ruleId)?.provider ?? null)
      if (!anywhere.has(fingerprint)) anywhere.set(fingerprint, base)
      if (!copied && !home.has(fingerprint)) home.set(fingerprint, base)
      return 'outloop://naming/pass'
    }
    try {
      planFileRewrite(file.relPath, file.text, findings, {placeholderFor: record, interpolation})
    } catch (error) {
      if (!(error instanceof RewriteError)) throw error
    }
  }
  for (const [fingerprint, base] of home) anywhere.set(fingerprint, base)
  return anywhere
}

interface EntryDraft {
  ref: SecretRef
  ruleId: string
  provider: string | null
  kind: VaultEntryKind
  value: SecretValue
  fingerprint: string
  existing: boolean
  files: Set<string>
  occurrences: number
  guests: Set<string>
}

/**
 * Plans a migration from scanned files: one vault entry per unique value per client, named from the
 * variable and provider with `-2`, `-3`… on collisions (reusing the vault's own entry for a value it already
 * holds, so names stay stable across runs), and each file's edits. Pure: no file system, no vault.
 */
export function buildMigrationPlan(options: MigrationPlanOptions): MigrationPlan {
  const key = options.fingerprintKey
  const byValue = new Map<string, EntryDraft>() // tenant \0 fingerprint → entry
  const taken = new Map<string, string>() // tenant/name → fingerprint
  const existingByValue = new Map<string, string>() // tenant \0 fingerprint → name
  for (const e of options.existing ?? []) {
    taken.set(`${e.tenant}/${e.name}`, e.fingerprint)
    if (!existingByValue.has(`${e.tenant}\0${e.fingerprint}`)) existingByValue.set(`${e.tenant}\0${e.fingerprint}`, e.name)
  }
  const existingNames = new Set(taken.keys())
  const owners = options.owners ?? {}
  const files: PlannedFile[] = []
  const skipped: SkippedMigrationFile[] = []
  // Path order, so the same tree always gets the same names.
  const sorted = [...options.files].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0))
  const baseNames = baseNamesByValue(sorted, key, options.interpolation ?? 'never')
  const sharedFiles: MigrationSourceFile[] = []

  for (const file of sorted) {
    const findings = file.findings.filter((f) => f.allowed !== true)
    if (findings.length === 0) continue
    const tenant = file.tenant
    if (tenant === null) {
      // Planned after every client, so a template's value reuses the entry name a client gave it.
      sharedFiles.push(file)
      continue
    }
    if (!isValidSecretName(tenant)) {
      skipped.push({relPath: file.relPath, reason: 'its client name is not a valid vault tenant name'})
      continue
    }
    // Names given out while planning this file; kept only when the whole file plans.
    const pending = new Map<string, EntryDraft>()
    const pendingNames = new Map<string, string>()
    // Whose key each planned value is, by the fingerprint of what the vault entry will hold.
    const ownerOfValue = new Map<string, string | null>()
    const ownerOf = (target: RewriteTarget, fingerprint: string): string | null => {
      const direct = owners[fingerprint]
      if (direct !== undefined) return direct
      // A value that moves whole (a URL, a credential pair) belongs to whoever owns the key inside it.
      const whole = target.vaultValue.reveal()
      for (const f of findings) {
        if (f.line < target.line || !whole.includes(f.secret.reveal())) continue
        const owner = owners[fingerprintSecret(key, f.secret)]
        if (owner !== undefined) return owner
      }
      return null
    }
    const namer = (target: RewriteTarget): string => {
      const fingerprint = fingerprintSecret(key, target.vaultValue)
      const owner = ownerOf(target, fingerprint)
      ownerOfValue.set(fingerprint, owner)
      // A key of another client's is never vaulted for this one: the copy points at the owner's entry.
      const entryTenant = owner !== null && owner !== tenant && isValidSecretName(owner) ? owner : tenant
      const valueKey = `${entryTenant}\0${fingerprint}`
      const known = byValue.get(valueKey) ?? pending.get(valueKey)
      if (known !== undefined) return formatSecretRef(known.ref)
      const provider = ruleById(target.ruleId)?.provider ?? null
      const reuse = existingByValue.get(valueKey)
      let name = reuse
      if (name === undefined) {
        name = freeEntryName(entryTenant, baseNames.get(fingerprint) ?? baseEntryName(target.name, target.ruleId, provider), fingerprint, [taken, pendingNames])
      }
      const draft: EntryDraft = {ref: {tenant: entryTenant, name}, ruleId: target.ruleId, provider, kind: target.entry, value: target.vaultValue, fingerprint, existing: existingNames.has(`${entryTenant}/${name}`), files: new Set(), occurrences: 0, guests: new Set()}
      pending.set(valueKey, draft)
      pendingNames.set(`${entryTenant}/${name}`, fingerprint)
      return formatSecretRef(draft.ref)
    }
    try {
      const rewrite = planFileRewrite(file.relPath, file.text, findings, {placeholderFor: namer, interpolation: options.interpolation ?? 'never'})
      if (rewrite.edits.length === 0) continue
      for (const [valueKey, draft] of pending) byValue.set(valueKey, draft)
      for (const [name, fp] of pendingNames) taken.set(name, fp)
      const edits = rewrite.edits.map((edit): PlannedEdit => {
        const fingerprint = fingerprintSecret(key, edit.vaultValue)
        const owner = ownerOfValue.get(fingerprint) ?? null
        const ref = tryParseSecretRef(edit.placeholder, {requireScheme: true})
        const foreign = ref !== null && ref.tenant !== tenant
        const draft = ref === null ? undefined : byValue.get(`${ref.tenant}\0${fingerprint}`)
        if (draft !== undefined) {
          draft.files.add(file.relPath)
          draft.occurrences += 1
          if (foreign) draft.guests.add(tenant)
        }
        return {...edit, owner, foreign}
      })
      files.push({relPath: file.relPath, tenant, format: rewrite.format, edits, wholeFile: rewrite.wholeFile, contentHash: contentHashOf(key, file.text)})
    } catch (error) {
      if (!(error instanceof RewriteError)) throw error
      skipped.push({relPath: file.relPath, reason: `line ${error.line}, column ${error.column}: ${error.message.slice(error.message.indexOf(': ') + 2)}`})
    }
  }

  const wanted = options.tenants === undefined || options.tenants.length === 0 ? undefined : new Set(options.tenants)
  // A run limited to some clients leaves shared areas alone: they belong to no client, and every client may use them.
  if (wanted === undefined) files.push(...planSharedFiles(sharedFiles, {key, byValue, taken, existingByValue, existingNames, existing: options.existing ?? [], baseNames, skipped}))

  const tenantsByValue = new Map<string, Set<string>>()
  for (const draft of byValue.values()) {
    // A template holding a client's value is the scan's shared-area risk, not a key two clients use.
    if (draft.ref.tenant === SHARED_AREA_TENANT) continue
    const set = tenantsByValue.get(draft.fingerprint) ?? new Set<string>()
    set.add(draft.ref.tenant)
    tenantsByValue.set(draft.fingerprint, set)
  }
  const inScope = (tenant: string | null): boolean => wanted === undefined || (tenant !== null && wanted.has(tenant))
  const plannedFiles = files.filter((f) => inScope(f.tenant))
  // An owner's entry that a client in scope points at is written too, even when the owner is not in scope.
  const referenced = new Set(plannedFiles.flatMap((f) => f.edits.map((e) => e.stored ?? e.placeholder)))
  const entries = [...byValue.values()]
    .filter((d) => inScope(d.ref.tenant) || referenced.has(formatSecretRef(d.ref)))
    .sort((a, b) => (a.ref.tenant + '/' + a.ref.name < b.ref.tenant + '/' + b.ref.name ? -1 : 1))
    .map((d): PlannedVaultEntry => ({
      ref: d.ref,
      placeholder: formatSecretRef(d.ref),
      ruleId: d.ruleId,
      provider: d.provider,
      kind: d.kind,
      value: d.value,
      fingerprint: d.fingerprint,
      preview: previewSecret(d.value.reveal()),
      existing: d.existing,
      sharedWith: [...(tenantsByValue.get(d.fingerprint) ?? [])].filter((t) => t !== d.ref.tenant).sort(),
      files: [...d.files].sort(),
      occurrences: d.occurrences,
      guests: [...d.guests].sort(),
    }))
  const tenants = [...new Set([...plannedFiles.flatMap((f) => (f.tenant === null ? [] : [f.tenant])), ...entries.map((e) => e.ref.tenant)])].filter((t) => t !== SHARED_AREA_TENANT).sort()
  return {entries, files: plannedFiles, skipped: skipped.filter((s) => wanted === undefined || sorted.some((f) => f.relPath === s.relPath && f.tenant !== null && wanted.has(f.tenant))), tenants}
}

interface SharedPlanning {
  readonly key: Buffer
  readonly byValue: Map<string, EntryDraft>
  readonly taken: Map<string, string>
  readonly existingByValue: ReadonlyMap<string, string>
  readonly existingNames: ReadonlySet<string>
  readonly existing: readonly ExistingVaultEntry[]
  readonly baseNames: ReadonlyMap<string, string>
  readonly skipped: SkippedMigrationFile[]
}

/**
 * Plans the shared areas' files (`_templates/`, no client): each key becomes `outloop://@client/<name>`, the
 * calling client's own entry `<name>`, so a template copied into a client works with that client's key and
 * gives no client another's. `<name>` is the one a client holding the same value has for it (first by client),
 * else named as for clients. The value itself is stored once as `outloop.templates/<name>`: nothing stays in
 * clear, and no client is handed a key that was only ever in a template. Interpolation is never used here, as a
 * `${OUTLOOP_<TENANT>_…}` variable would name one client.
 */
function planSharedFiles(sharedFiles: readonly MigrationSourceFile[], state: SharedPlanning): PlannedFile[] {
  const {key, byValue, taken} = state
  // Value fingerprint → the entry names clients have for it (planned now, or in the vault), first by client.
  const clientNames = new Map<string, string[]>()
  const held = [...[...byValue.values()].map((d) => ({tenant: d.ref.tenant, name: d.ref.name, fingerprint: d.fingerprint})), ...state.existing]
    .filter((e) => !e.tenant.startsWith('outloop.'))
    .sort((a, b) => (a.tenant + '/' + a.name < b.tenant + '/' + b.name ? -1 : 1))
  for (const e of held) clientNames.set(e.fingerprint, [...(clientNames.get(e.fingerprint) ?? []), e.name])
  const planned: PlannedFile[] = []
  for (const file of sharedFiles) {
    const findings = file.findings.filter((f) => f.allowed !== true)
    if (findings.length === 0) continue
    const pending = new Map<string, EntryDraft>()
    const pendingNames = new Map<string, string>()
    const namer = (target: RewriteTarget): string => {
      const fingerprint = fingerprintSecret(key, target.vaultValue)
      const valueKey = `${SHARED_AREA_TENANT}\0${fingerprint}`
      const known = byValue.get(valueKey) ?? pending.get(valueKey)
      if (known !== undefined) return formatClientRelativeRef(known.ref.name)
      const provider = ruleById(target.ruleId)?.provider ?? null
      let name = state.existingByValue.get(valueKey)
      if (name === undefined) {
        name = freeEntryName(SHARED_AREA_TENANT, clientNames.get(fingerprint)?.[0] ?? state.baseNames.get(fingerprint) ?? baseEntryName(target.name, target.ruleId, provider), fingerprint, [taken, pendingNames])
      }
      const ref = {tenant: SHARED_AREA_TENANT, name}
      pending.set(valueKey, {ref, ruleId: target.ruleId, provider, kind: target.entry, value: target.vaultValue, fingerprint, existing: state.existingNames.has(`${SHARED_AREA_TENANT}/${name}`), files: new Set(), occurrences: 0, guests: new Set()})
      pendingNames.set(`${SHARED_AREA_TENANT}/${name}`, fingerprint)
      return formatClientRelativeRef(name)
    }
    try {
      const rewrite = planFileRewrite(file.relPath, file.text, findings, {placeholderFor: namer, interpolation: 'never'})
      if (rewrite.edits.length === 0) continue
      for (const [valueKey, draft] of pending) byValue.set(valueKey, draft)
      for (const [name, fp] of pendingNames) taken.set(name, fp)
      const edits = rewrite.edits.map((edit): PlannedEdit => {
        const draft = byValue.get(`${SHARED_AREA_TENANT}\0${fingerprintSecret(key, edit.vaultValue)}`)
        if (draft === undefined) return {...edit, owner: null, foreign: false}
        draft.files.add(file.relPath)
        draft.occurrences += 1
        return {...edit, owner: null, foreign: false, stored: formatSecretRef(draft.ref)}
      })
      planned.push({relPath: file.relPath, tenant: null, format: rewrite.format, edits, wholeFile: rewrite.wholeFile, contentHash: contentHashOf(key, file.text)})
    } catch (error) {
      if (!(error instanceof RewriteError)) throw error
      state.skipped.push({relPath: file.relPath, reason: `line ${error.line}, column ${error.column}: ${error.message.slice(error.message.indexOf(': ') + 2)}`})
    }
  }
  return planned
}

/** The strategies a plan uses, for the summary line. */
export function strategiesOf(plan: MigrationPlan): Map<RewriteStrategyId, number> {
  const counts = new Map<RewriteStrategyId, number>()
  for (const file of plan.files) for (const edit of file.edits) counts.set(edit.strategy, (counts.get(edit.strategy) ?? 0) + 1)
  return counts
}
