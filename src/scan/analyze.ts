import type {AccountSighting} from './accounts.js'
import type {Finding, Risk, SecretGroup, Severity, TenantSummary} from './report.js'

/**
 * Places where keys are copied to rather than used from: skills, templates, notes, docs. A key that is at
 * home (an `.env`, a compose file) in one client and only in such places in another was copied.
 */
const COPIED_PLACE = /(^|\/)(skills?|templates?|examples?|notes?|docs?|snippets?|prompts?|playbooks?)\//i

/** Whether a root-relative file sits where keys get copied to (a skill, template, note, doc). */
export function isCopiedPlace(file: string): boolean {
  return COPIED_PLACE.test(file) || /(^|\/)SKILL\.md$/.test(file)
}

const SEVERITY_RANK: Record<Severity, number> = {critical: 0, high: 1, medium: 2, low: 3}
const RISK_RANK = {'foreign-tenant': 0, 'foreign-reference': 0, 'cross-client': 1, 'foreign-account': 2, 'git-history': 3, 'shared-area': 3, duplicate: 4} as const

/** Counts per key for messages: "3 times". */
function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)]
}

/** A placeholder (`outloop://acme/x`) found in a client's file: where it is and whose entry it names. */
export interface ReferenceSighting {
  /** The client whose folder the file is in. */
  readonly tenant: string
  readonly file: string
  readonly line: number
  /** The client the placeholder names. */
  readonly owner: string
  readonly name: string
}

/** Groups findings by value, decides ownership, and lists the risks worst first. Pure. */
export function analyzeFindings(
  findings: readonly Finding[],
  accounts: readonly AccountSighting[],
  references: readonly ReferenceSighting[] = [],
): {secrets: SecretGroup[]; risks: Risk[]; tenants: TenantSummary[]} {
  const byFingerprint = new Map<string, Finding[]>()
  for (const finding of findings) {
    const group = byFingerprint.get(finding.fingerprint)
    if (group) group.push(finding)
    else byFingerprint.set(finding.fingerprint, [finding])
  }

  const foreignAccounts = findForeignAccounts(accounts)
  // A copied file that names another client's account says whose it was, and so whose keys it holds.
  const copiedFrom = new Map<string, Set<string>>()
  for (const sighting of foreignAccounts) {
    const owners = copiedFrom.get(sighting.file) ?? new Set<string>()
    owners.add(sighting.owner)
    copiedFrom.set(sighting.file, owners)
  }

  const secrets: SecretGroup[] = []
  const risks: Risk[] = []
  for (const [fingerprint, group] of byFingerprint) {
    const [first] = group
    const tenants = unique(group.flatMap((f) => (f.tenant === null ? [] : [f.tenant]))).sort()
    const areas = unique(group.flatMap((f) => (f.area === null ? [] : [f.area]))).sort()
    const atHome = unique(group.filter((f) => f.tenant !== null && !isCopiedPlace(f.file)).map((f) => f.tenant as string))
    const treeOwner = atHome.length === 1 ? atHome[0] : tenants.length === 1 ? tenants[0] : atHome.length === 0 ? ownerByAccounts(group, tenants, copiedFrom) : null
    // Where every copy sits in a copied place and the tree cannot say whose it is, the vault can: the client whose entry holds it.
    const owner = treeOwner ?? (atHome.length === 0 ? ownerByVault(group, tenants) : null)
    const label = `${first.rule} ${first.preview}`
    secrets.push({
      fingerprint,
      rule: first.rule,
      provider: first.provider,
      severity: first.severity,
      preview: first.preview,
      tenants,
      areas,
      crossClient: tenants.length > 1,
      owner,
      vaulted: vaultedRef(group, owner),
      occurrences: group.map((f) => ({file: f.file, line: f.line})),
    })

    const filesIn = (tenant: string) => unique(group.filter((f) => f.tenant === tenant).map((f) => f.file))
    if (tenants.length > 1) {
      const guests = owner === null ? [] : tenants.filter((t) => t !== owner && !atHome.includes(t))
      for (const guest of guests) {
        risks.push({
          type: 'foreign-tenant',
          severity: 'critical',
          tenant: guest,
          owner,
          fingerprint,
          files: filesIn(guest),
          message: `${label} belongs to ${owner} but sits in ${guest} (${filesIn(guest).join(', ')}): copied from ${owner}, so ${guest}'s agents act on ${owner}'s account.`,
        })
      }
      if (guests.length === 0) {
        risks.push({
          type: 'cross-client',
          severity: 'high',
          tenant: null,
          owner: null,
          fingerprint,
          files: unique(group.map((f) => f.file)),
          message: `${label} is shared by ${tenants.length} clients (${tenants.join(', ')}): one leak exposes all of them, and usage can't be told apart. Give each client its own key.`,
        })
      }
    }
    risks.push(...vaultedElsewhereRisks(group, tenants, label, fingerprint), ...historyRisks(group, label, fingerprint))
    if (areas.length > 0 && tenants.length > 0) {
      risks.push({
        type: 'shared-area',
        severity: 'high',
        tenant: null,
        owner,
        fingerprint,
        files: unique(group.filter((f) => f.area !== null).map((f) => f.file)),
        message: `${label} in shared area ${areas.join(', ')} is also used by ${tenants.join(', ')}: every client set up from it gets that key.`,
      })
    }
    // A key only history holds is not a copy in the files: its own risk (git-history) says where it is.
    const inFiles = group.filter((f) => f.history?.inWorkingTree !== false)
    const places = [
      ...tenants.map((t) => ({tenant: t as string | null, where: t, files: inFiles.filter((f) => f.tenant === t)})),
      ...areas.map((a) => ({tenant: null, where: a, files: inFiles.filter((f) => f.area === a)})),
    ]
    for (const place of places) {
      if (place.files.length < 2) continue
      const where = place.where
      risks.push({
        type: 'duplicate',
        severity: 'medium',
        tenant: place.tenant,
        owner: null,
        fingerprint,
        files: unique(place.files.map((f) => f.file)),
        message: `${label} is copied ${times(place.files.length)} in ${where} (${unique(place.files.map((f) => f.file)).join(', ')}).`,
      })
    }
  }

  // Only placeholders naming a client of this tree: `outloop://acme/…` in a repository's docs or tests is an example.
  const clients = new Set([...findings.flatMap((f) => (f.tenant === null ? [] : [f.tenant])), ...accounts.flatMap((a) => (a.tenant === null ? [] : [a.tenant])), ...references.map((r) => r.tenant)])
  risks.push(...foreignAccountRisks(foreignAccounts), ...foreignReferenceRisks(references.filter((r) => clients.has(r.owner))))
  risks.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || RISK_RANK[a.type] - RISK_RANK[b.type] || b.files.length - a.files.length || a.message.localeCompare(b.message))
  secrets.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.occurrences.length - a.occurrences.length || a.rule.localeCompare(b.rule))
  return {secrets, risks, tenants: summarizeTenants(findings, secrets)}
}

/**
 * A client holding a value that another client's vault entry holds, where that client's own copies are gone
 * (migrated): the tree alone shows one client, but the key is still shared, or copied from the entry's
 * client, so the risk a migration would otherwise hide is kept at the severity it had.
 */
function vaultedElsewhereRisks(group: readonly Finding[], tenants: readonly string[], label: string, fingerprint: string): Risk[] {
  const risks: Risk[] = []
  for (const tenant of tenants) {
    const here = group.filter((f) => f.tenant === tenant)
    const entries = unique(here.flatMap((f) => (f.vaulted === null ? [] : [f.vaulted]))).filter((ref) => !tenants.includes(tenantOfRef(ref)))
    if (entries.length === 0) continue
    const ref = entries.sort()[0]
    const owner = tenantOfRef(ref)
    const files = unique(here.map((f) => f.file))
    const copied = here.every((f) => isCopiedPlace(f.file))
    risks.push(
      copied
        ? {type: 'foreign-tenant', severity: 'critical', tenant, owner, fingerprint, files, message: `${label} is ${owner}'s ${ref} but sits in ${tenant} (${files.join(', ')}): copied from ${owner}, so ${tenant}'s agents act on ${owner}'s account.`}
        : {type: 'cross-client', severity: 'high', tenant: null, owner: null, fingerprint, files, message: `${label} in ${tenant} (${files.join(', ')}) is also ${owner}'s ${ref}: one leak exposes both, and usage can't be told apart. Give ${tenant} its own key.`},
    )
  }
  return risks
}

/** Short commit ids for messages: the newest few, and how many more. */
function commitList(commits: readonly string[]): string {
  const shown = commits.slice(0, 3).map((c) => c.slice(0, 7))
  return commits.length > 3 ? `${shown.join(', ')} and ${commits.length - 3} more` : shown.join(', ')
}

/**
 * A key committed to a repository stays in every clone of it whatever happens to the files: rotation is the
 * only fix. One risk per repository; a key only history holds is said so, since no file scan would show it.
 */
function historyRisks(group: readonly Finding[], label: string, fingerprint: string): Risk[] {
  const byRepository = new Map<string, Finding[]>()
  for (const f of group) {
    if (f.history == null) continue
    const list = byRepository.get(f.history.repository)
    if (list === undefined) byRepository.set(f.history.repository, [f])
    else list.push(f)
  }
  const risks: Risk[] = []
  for (const [repository, here] of byRepository) {
    const histories = here.map((f) => f.history as NonNullable<Finding['history']>)
    const files = unique(histories.flatMap((h) => h.paths))
    const commits = unique(histories.flatMap((h) => h.commits))
    const tenants = unique(here.flatMap((f) => (f.tenant === null ? [] : [f.tenant])))
    const where = tenants.length === 1 ? tenants[0] : repository === '' ? 'the scan root' : repository
    const added = `${files.join(', ')}; added in ${commits.length === 1 ? 'commit' : 'commits'} ${commitList(commits)}`
    const onlyHistory = histories.every((h) => !h.inWorkingTree)
    risks.push({
      type: 'git-history',
      severity: 'high',
      tenant: tenants.length === 1 ? tenants[0] : null,
      owner: null,
      fingerprint,
      files,
      message: onlyHistory
        ? `${label} is gone from ${where}'s files but still in ${where}'s git history (${added}): anyone with a clone has it. Rotate it.`
        : `${label} is committed to ${where}'s git history (${added}): moving it out of the files leaves it there. Rotate it once it is migrated.`,
    })
  }
  return risks
}

function tenantOfRef(ref: string): string {
  return ref.slice('outloop://'.length).split('/')[0]
}

/** The one client among `tenants` whose vault entry holds this value, if there is exactly one. */
function ownerByVault(group: readonly Finding[], tenants: readonly string[]): string | null {
  const owners = unique(group.flatMap((f) => (f.vaulted === null ? [] : [tenantOfRef(f.vaulted)]))).filter((t) => tenants.includes(t))
  return owners.length === 1 ? owners[0] : null
}

/** The entry a value is vaulted under: the owner's when several entries hold it, else the first named. */
function vaultedRef(group: readonly Finding[], owner: string | null): string | null {
  const refs = unique(group.flatMap((f) => (f.vaulted === null ? [] : [f.vaulted]))).sort()
  return refs.find((r) => owner !== null && r.startsWith(`outloop://${owner}/`)) ?? refs[0] ?? null
}

/** Per client: occurrences, distinct keys, duplicated, shared with other clients, belonging to another. */
function summarizeTenants(findings: readonly Finding[], secrets: readonly SecretGroup[]): TenantSummary[] {
  const names = unique(findings.flatMap((f) => (f.tenant === null ? [] : [f.tenant]))).sort()
  const byFingerprint = new Map(secrets.map((s) => [s.fingerprint, s]))
  return names.map((tenant) => {
    const own = findings.filter((f) => f.tenant === tenant)
    const counts = new Map<string, number>()
    for (const f of own) counts.set(f.fingerprint, (counts.get(f.fingerprint) ?? 0) + 1)
    const distinct = [...counts.keys()].map((fp) => byFingerprint.get(fp) as SecretGroup)
    return {
      tenant,
      keys: own.length,
      unique: counts.size,
      duplicated: [...counts.values()].filter((n) => n > 1).length,
      crossClient: distinct.filter((s) => s.crossClient).length,
      foreign: distinct.filter((s) => s.owner !== null && s.owner !== tenant).length,
    }
  })
}

/** When no client uses a key at home, the accounts its copies name may still say whose it is. */
function ownerByAccounts(group: readonly Finding[], tenants: readonly string[], copiedFrom: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  const owners = unique(group.flatMap((f) => [...(copiedFrom.get(f.file) ?? [])])).filter((t) => tenants.includes(t))
  return owners.length === 1 ? owners[0] : null
}

interface ForeignAccount {
  readonly tenant: string
  readonly owner: string
  readonly file: string
  readonly line: number
  readonly account: string
  readonly kind: string
}

/**
 * A skill or note in one client that names another client's account (store domain, workspace) points that
 * client's agents at the wrong account even without a key inside. An account belongs to the clients that
 * name it outside copied places, or, failing that, to the client its name contains (acme-store.myshopify.com).
 */
function findForeignAccounts(sightings: readonly AccountSighting[]): ForeignAccount[] {
  const owners = new Map<string, Set<string>>()
  for (const s of sightings) {
    if (s.tenant === null || isCopiedPlace(s.file)) continue
    const set = owners.get(s.account) ?? new Set<string>()
    set.add(s.tenant)
    owners.set(s.account, set)
  }
  const tenants = unique(sightings.flatMap((s) => (s.tenant === null ? [] : [s.tenant])))
  const ownersOf = (account: string): string[] => {
    const known = owners.get(account)
    if (known && known.size > 0) return [...known]
    const label = account.split('.')[0]
    return tenants.filter((t) => new RegExp(`(^|[^a-z0-9])${t.replace(/[.]/g, '\\.')}([^a-z0-9]|$)`).test(label))
  }

  const seen = new Set<string>()
  const found: ForeignAccount[] = []
  for (const s of sightings) {
    if (s.tenant === null || !isCopiedPlace(s.file)) continue
    const accountOwners = ownersOf(s.account)
    if (accountOwners.length === 0 || accountOwners.includes(s.tenant)) continue
    const key = `${s.tenant}\u0000${s.file}\u0000${s.account}`
    if (seen.has(key)) continue
    seen.add(key)
    found.push({tenant: s.tenant, owner: accountOwners.sort()[0], file: s.file, line: s.line, account: s.account, kind: s.kind})
  }
  return found
}

/** One risk per client and owner: the copied files and the owner's accounts they name. */
function foreignAccountRisks(found: readonly ForeignAccount[]): Risk[] {
  const groups = new Map<string, ForeignAccount[]>()
  for (const f of found) {
    const key = `${f.tenant}\u0000${f.owner}`
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  return [...groups.values()].map((group) => {
    const {tenant, owner} = group[0]
    const files = unique(group.map((f) => f.file))
    const accounts = unique(group.map((f) => `${f.kind} ${f.account}`))
    const first = group[0]
    return {
      type: 'foreign-account',
      severity: 'high',
      tenant,
      owner,
      fingerprint: null,
      files,
      message: `${files.length === 1 ? files[0] : `${files.length} files (${files.join(', ')})`} in ${tenant} ${files.length === 1 ? 'names' : 'name'} ${owner}'s ${accounts.join(' and ')} (first at ${first.file}:${first.line}): copied from ${owner}, so ${tenant}'s agents would act on ${owner}'s account.`,
    }
  })
}

/**
 * A client's file that holds another client's placeholder was copied from that client (a migration points
 * such copies at the owner's entry). The broker refuses it for this client's sessions, but the copy still
 * sends this client's agents after the owner's account: as grave as the key itself sitting there.
 */
function foreignReferenceRisks(references: readonly ReferenceSighting[]): Risk[] {
  const groups = new Map<string, ReferenceSighting[]>()
  for (const r of references) {
    if (r.owner === r.tenant) continue
    const key = `${r.tenant}\u0000${r.owner}\u0000${r.name}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups.values()].map((group) => {
    const {tenant, owner, name} = group[0]
    const files = unique(group.map((r) => r.file)).sort()
    const where = files.length === 1 ? `${files[0]}:${group[0].line}` : `${files.length} files (${files.join(', ')})`
    return {
      type: 'foreign-reference',
      severity: 'critical',
      tenant,
      owner,
      fingerprint: null,
      files,
      message: `${tenant}'s ${where} refers to ${owner}'s secret outloop://${owner}/${name}: copied from ${owner}. The broker refuses it for ${tenant}'s sessions; give ${tenant} its own key, or remove the copy.`,
    }
  })
}
