import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join, resolve} from 'node:path'

import {isUnfinished, listJournals} from '../apply/journal.js'
import {applyMigrationRun, type MigrationRunOutcome} from '../apply/run.js'
import {CancelledError, UserError} from '../lib/errors.js'
import {loadFingerprintKey} from '../lib/fingerprint.js'
import {untilStopSignal} from '../lib/process.js'
import type {SecretValue} from '../lib/secret-value.js'
import {baseUrlVariables, findBaseUrlOverrides, isDotenvPath, withBaseUrlFixes, type BaseUrlOverride, type BaseUrlSource} from '../plan/base-urls.js'
import {buildMigrationPlan, type ExistingVaultEntry, type MigrationPlan, type MigrationSourceFile} from '../plan/migration-plan.js'
import {SERVICE_PRESETS} from '../policy/presets.js'
import {scanFileText} from '../scan/file-scan.js'
import type {Risk, TenantSummary} from '../scan/report.js'
import {FileSecretStore} from '../vault/file-store.js'
import {retryWrongPassphrase} from '../vault/open.js'
import type {SecretStore} from '../vault/types.js'
import {ACCESS_LAYER_PORT, clientFoldersUnder, setUpAccessLayer, startAccessLayerBroker, vaultStarterEntries, type AccessSetupResult} from './access-setup.js'
import {scanTree, type ScanProgress} from './scan.js'
import {openVaultForService, type VaultServiceOptions} from './vault/store.js'

export {MigrationStoppedError, MigrationWriteError} from '../apply/run.js'

export interface MigrateServiceOptions extends VaultServiceOptions {
  /** The folder holding the client folders. */
  readonly root: string
  readonly tenants?: readonly string[]
  readonly interpolation?: 'never' | 'tool'
  /** Comment out the dotenv lines hard-coding a provider's base URL, as edits of the run (`--fix-base-urls`). */
  readonly fixBaseUrls?: boolean
  /** Scan threads (tests and benchmarks pin it). */
  readonly threads?: number
  /** Conversation for long runs ("120 files rewritten"); never a value. */
  readonly onProgress?: (message: string) => void
  /** The scan's live counts (files, bytes, keys so far), for a progress display. */
  readonly onScanProgress?: (progress: ScanProgress) => void
  /** Ctrl-C while applying: the file being written is finished, then every file of the run is put back. */
  readonly signal?: AbortSignal
}

export interface MigrationPlanResult {
  readonly root: string
  readonly plan: MigrationPlan
  /** Set when the vault could not be read for existing names (a dry run without the passphrase). */
  readonly vaultNote?: string
  /** Runs that stopped part-way; applying undoes them first. */
  readonly unfinished: readonly string[]
  /** What the scan behind the plan found about clients: counts, risks worst first, each value's owner. */
  readonly scan?: MigrationScanSummary
}

/** The scan's view of the clients, for the wizard's overview and review (fingerprints and previews only). */
export interface MigrationScanSummary {
  readonly tenants: readonly TenantSummary[]
  readonly risks: readonly Risk[]
  /** Value fingerprint → the client it belongs to (where it is at home), when the scan could tell. */
  readonly owners: Readonly<Record<string, string>>
}

/** The files with findings under `root`, read and scanned for offsets, with their clients. */
async function readSourceFiles(options: MigrateServiceOptions, root: string): Promise<{files: MigrationSourceFile[]; notUtf8: string[]; scan: MigrationScanSummary}> {
  const report = await scanTree({root, home: options.home, threads: options.threads, onProgress: options.onScanProgress})
  const owners: Record<string, string> = {}
  for (const secret of report.secrets) if (secret.owner !== null) owners[secret.fingerprint] = secret.owner
  const scan: MigrationScanSummary = {tenants: report.tenants, risks: report.risks, owners}
  const tenantOf = new Map<string, string | null>()
  for (const finding of report.findings) tenantOf.set(finding.file, finding.tenant)
  const files: MigrationSourceFile[] = []
  const notUtf8: string[] = []
  for (const [relPath, tenant] of [...tenantOf].sort()) {
    const bytes = readFileSync(join(root, relPath))
    const text = bytes.toString('utf8')
    // Rewriting works on text: a file that does not survive a UTF-8 round trip would come back altered.
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
      notUtf8.push(relPath)
      continue
    }
    files.push({relPath, tenant, text, findings: scanFileText(relPath, text).findings})
  }
  return {files, notUtf8, scan}
}

/**
 * Hard-coded provider base URLs in dotenv files: in the files the scan found keys in, and in each folder's
 * own `.env*` (what an agent started there loads), which may hold a URL and no key.
 */
function baseUrlOverridesUnder(root: string, files: readonly MigrationSourceFile[]): {overrides: BaseUrlOverride[]; sources: BaseUrlSource[]} {
  const variables = baseUrlVariables(SERVICE_PRESETS)
  const texts = new Map(files.map((f) => [f.relPath, f.text]))
  const list = (dir: string): string[] => {
    try {
      return readdirSync(dir === '' ? root : join(root, dir), {withFileTypes: true}).map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    } catch {
      return []
    }
  }
  for (const top of list('')) {
    if (!top.endsWith('/') || top === 'node_modules/' || top === '.git/') continue
    for (const name of list(top.slice(0, -1))) {
      const relPath = top + name
      if (name.endsWith('/') || !isDotenvPath(relPath) || texts.has(relPath)) continue
      try {
        const path = join(root, relPath)
        if (statSync(path).size <= 1 << 20) texts.set(relPath, readFileSync(path, 'utf8'))
      } catch {
        // An unreadable file overrides nothing an agent could load either.
      }
    }
  }
  const overrides = [...texts].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([relPath, text]) => findBaseUrlOverrides(relPath, text, variables))
  // A file with no key has no client from the scan: that of another file in its folder, else the folder's name.
  const tenantOf = new Map(files.map((f) => [f.relPath, f.tenant]))
  const folderTenant = new Map(files.map((f) => [f.relPath.split('/')[0], f.tenant]))
  const sources = [...new Set(overrides.map((o) => o.relPath))].map((relPath): BaseUrlSource => {
    const top = relPath.split('/')[0]
    return {relPath, tenant: tenantOf.has(relPath) ? (tenantOf.get(relPath) ?? null) : folderTenant.has(top) ? (folderTenant.get(top) ?? null) : top, text: texts.get(relPath) ?? ''}
  })
  return {overrides, sources}
}

/** Existing entries of the vault, for stable names and to point at values it already holds. */
async function existingEntries(store: SecretStore): Promise<ExistingVaultEntry[]> {
  return (await store.list()).map((info) => ({tenant: info.ref.tenant, name: info.ref.name, fingerprint: info.fingerprint}))
}

function assertRoot(root: string, given: string): void {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UserError(`${given} is not a folder.`, 'Give the folder that holds the client folders: outloop migrate ~/clients --dry-run')
}

/** Plans a migration without writing anything (`--dry-run`): a scan, then names and edits. */
export async function planMigration(options: MigrateServiceOptions, store?: SecretStore): Promise<MigrationPlanResult> {
  const root = resolve(options.root)
  assertRoot(root, options.root)
  const {key} = loadFingerprintKey(options.home)
  const {files, notUtf8, scan} = await readSourceFiles(options, root)
  let existing: ExistingVaultEntry[] = []
  let vaultNote: string | undefined
  try {
    existing = await existingEntries(store ?? openVaultForService(options).store)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    vaultNote = `The vault could not be read (${error.message}); names already taken there are not known, so applying may number some names differently.`
  }
  const plan = buildMigrationPlan({files, fingerprintKey: key, tenants: options.tenants, existing, interpolation: options.interpolation, owners: scan.owners})
  const skipped = [...plan.skipped, ...notUtf8.map((relPath) => ({relPath, reason: 'not UTF-8 text: left in place'}))]
  const unfinished = listJournals(options.home).filter(isUnfinished).map((j) => j.run)
  const {overrides: baseUrls, sources} = baseUrlOverridesUnder(root, files)
  const flagged: MigrationPlan = {...plan, skipped, ...(baseUrls.length > 0 ? {baseUrls} : {})}
  // A run limited to some clients comments out only their lines, as it rewrites only their files.
  const fixable = sources.filter((s) => options.tenants === undefined || options.tenants.length === 0 || (s.tenant !== null && options.tenants.includes(s.tenant)))
  return {root, plan: options.fixBaseUrls === true ? withBaseUrlFixes(flagged, fixable, key) : flagged, vaultNote, unfinished, scan}
}

/** What a migration did: the run's outcome, and where it ran. */
export interface MigrationOutcome extends MigrationRunOutcome {
  readonly root: string
  /** Each client's folder, for the next step (`outloop connect`). */
  readonly clientFolders: {tenant: string; folder: string}[]
}

/**
 * Opens the vault (creating a file vault, asking or reading its passphrase) before anything is planned or
 * journaled: a missing OUTLOOP_PASSPHRASE fails here, not after "Storing 19 vault entries…" with a journal left.
 */
async function assertVaultOpens(store: SecretStore): Promise<void> {
  if (store instanceof FileSecretStore) await store.initialize()
  else await store.list()
}

/** Every top-level folder a client's files sit in (outloop.yaml may map several folders to one client). */
function clientFoldersOf(root: string, plan: MigrationPlan): {tenant: string; folder: string}[] {
  const folders = new Map(plan.files.flatMap((f) => (f.tenant === null ? [] : [[f.relPath.split('/')[0], f.tenant] as const])))
  return [...folders].sort(([a], [b]) => (a < b ? -1 : 1)).map(([top, tenant]) => ({tenant, folder: join(root, top)}))
}

/**
 * Applies a migration (`--yes`, or the plan the wizard confirmed): the vault opened first, then the run
 * (src/apply/run.ts), planned afresh once unfinished runs are undone unless a confirmed plan is given.
 */
export async function applyMigration(options: MigrateServiceOptions & {plan?: MigrationPlanResult; store?: SecretStore; onStopSignal?: () => void}): Promise<MigrationOutcome> {
  const root = resolve(options.root)
  assertRoot(root, options.root)
  const {key: fingerprintKey} = loadFingerprintKey(options.home)
  const store = options.store ?? openVaultForService(options).store
  await assertVaultOpens(store)
  const confirmed = options.plan?.plan
  const outcome = await applyMigrationRun({
    home: options.home,
    root,
    store,
    fingerprintKey,
    plan: confirmed !== undefined ? {confirmed} : {make: async () => (await planMigration(options, store)).plan},
    onProgress: options.onProgress,
    signal: options.signal,
    onStopSignal: options.onStopSignal,
  })
  return {...outcome, root, clientFolders: clientFoldersOf(root, outcome.plan)}
}

/** The plan and apply steps the wizard drives, bound to one opened vault. */
export interface MigrationSession {
  /** Makes the plan (scan included), reporting the scan's progress. */
  readonly plan: (onScanProgress: (progress: ScanProgress) => void) => Promise<MigrationPlanResult>
  /** Applies the plan the person confirmed; `stop` aborts it (the file in hand is finished, every file put back). */
  readonly apply: (planned: MigrationPlanResult, onProgress: (message: string) => void, stop: AbortSignal) => Promise<MigrationOutcome>
}

/** How a review ends: applied (and whether to start the access layer now), cancelled before writing, or failed while applying. */
export type MigrationReview = {kind: 'applied'; outcome: MigrationOutcome; startAccessLayer: boolean} | {kind: 'cancelled'} | {kind: 'failed'; error: unknown}

/** What the access layer step does after applying: connect and write the starter policy; `serve` also runs the broker until stopped. */
export interface AccessLayerStep {
  readonly serve: boolean
  /** The broker's preferred port (default 7745, a free one when taken). */
  readonly port?: number
}

/** What a migration tells as it goes, for the command to render. Never a value. */
export type MigrationEvent =
  | {readonly kind: 'progress'; readonly message: string}
  | {readonly kind: 'wrong-passphrase'; readonly message: string}
  /** SIGINT or SIGTERM asked the run to stop: it finishes the file being written, then puts every file back. */
  | {readonly kind: 'stopping'}
  | {readonly kind: 'planned'; readonly planned: MigrationPlanResult}
  /** `reviewed`: the wizard already showed the outcome. `access`: the client folders connected, the policy written. */
  | {readonly kind: 'migrated'; readonly outcome: MigrationOutcome; readonly reviewed: boolean; readonly access?: AccessSetupResult}
  | {readonly kind: 'access-not-serving'}
  | {readonly kind: 'access-policy-problem'}
  | {readonly kind: 'access-warning'; readonly message: string}
  | {readonly kind: 'access-already-running'; readonly url: string; readonly pid: number}
  | {readonly kind: 'access-listening'; readonly url: string; readonly portTaken?: number; readonly folder?: string}
  | {readonly kind: 'access-stopped'}

export interface MigrateClientsOptions extends Omit<MigrateServiceOptions, 'onProgress' | 'onScanProgress' | 'signal'> {
  /**
   * dry-run: plan and write nothing. apply: plan afresh and apply, then the access layer step if asked.
   * review: hand `review` (the wizard) a session on the opened vault; it shapes the plan and applies it.
   */
  readonly mode: {readonly kind: 'dry-run'} | {readonly kind: 'apply'; readonly access?: AccessLayerStep} | {readonly kind: 'review'; readonly review: (session: MigrationSession) => Promise<MigrationReview>; readonly port?: number}
  readonly report: (event: MigrationEvent) => void
}

/**
 * `outloop migrate`: plans, applies (or lets a review apply), then connects the client folders and runs the
 * access layer when asked, telling each step to `report`. A passphrase asked for is asked once: the broker
 * started afterwards opens the vault with the same one.
 */
export async function migrateClients(options: MigrateClientsOptions): Promise<void> {
  const {mode, report} = options
  let typed: SecretValue | undefined
  const ask = options.askPassphrase
  const askPassphrase = ask === undefined ? undefined : async (purpose: 'create' | 'unlock') => (typed = await ask(purpose))
  const service = {...options, askPassphrase, onProgress: (message: string) => report({kind: 'progress', message})}
  // Once the vault opened, the broker gets the passphrase that opened it instead of asking again.
  const again = {...service, askPassphrase: ask === undefined ? undefined : async (purpose: 'create' | 'unlock') => typed ?? ask(purpose)}
  if (mode.kind === 'dry-run') {
    report({kind: 'planned', planned: await planMigration(service)})
    return
  }
  if (mode.kind === 'apply') {
    const outcome = await applyMigration({...service, onStopSignal: () => report({kind: 'stopping'})})
    // Nothing left to move (a finished migration): the step still connects the clients the vault holds keys of and writes the policy.
    const access = mode.access === undefined ? undefined : outcome.run !== null ? await setUpAccessLayer({home: options.home, clientFolders: outcome.clientFolders, entries: migratedEntries(outcome)}) : await accessForVault(outcome.root, again)
    report({kind: 'migrated', outcome, reviewed: false, access})
    if (access !== undefined && mode.access !== undefined) await runAccessLayer(access, again, mode.access, report)
    return
  }
  // The review (the wizard) owns the keyboard once drawn, so the vault is unlocked (or created) before it starts.
  const {store} = openVaultForService(service)
  await retryWrongPassphrase(() => assertVaultOpens(store), {typed: () => typed !== undefined, tell: (message) => report({kind: 'wrong-passphrase', message})})
  const review = await mode.review({
    plan: (onScanProgress) => planMigration({...service, onProgress: undefined, onScanProgress}, store),
    // A SIGINT or SIGTERM from elsewhere stops the run as the wizard's Ctrl-C key does; the wizard shows it.
    apply: (planned, onProgress, stop) => applyMigration({...service, store, onProgress, plan: planned, signal: stop}),
  })
  if (review.kind === 'cancelled') throw new CancelledError()
  if (review.kind === 'failed') throw review.error
  const {outcome} = review
  const access = outcome.run !== null && review.startAccessLayer ? await setUpAccessLayer({home: options.home, clientFolders: outcome.clientFolders, entries: migratedEntries(outcome)}) : undefined
  report({kind: 'migrated', outcome, reviewed: true, access})
  if (access !== undefined) await runAccessLayer(access, again, {serve: true, port: mode.port}, report)
}

/** Connecting after a finished migration: the client folders and the entries come from the vault, not from a plan. */
async function accessForVault(root: string, options: VaultServiceOptions): Promise<AccessSetupResult> {
  const entries = await vaultStarterEntries(openVaultForService(options).store)
  return setUpAccessLayer({home: options.home, clientFolders: await clientFoldersUnder(root, new Set(entries.map((e) => e.tenant))), entries})
}

/** The access layer after connecting: with `serve`, the broker in the foreground until SIGINT or SIGTERM (unless one already serves this home). */
async function runAccessLayer(access: AccessSetupResult, options: VaultServiceOptions, step: AccessLayerStep, report: (event: MigrationEvent) => void): Promise<void> {
  if (!step.serve) return report({kind: 'access-not-serving'})
  if (access.policy.problem !== undefined) return report({kind: 'access-policy-problem'})
  const started = await startAccessLayerBroker({home: options.home, env: options.env, backend: options.backend, askPassphrase: options.askPassphrase, preferredPort: step.port, warn: (message) => report({kind: 'access-warning', message})})
  if (started.kind === 'already-running') return report({kind: 'access-already-running', url: started.url, pid: started.pid})
  report({kind: 'access-listening', url: started.broker.url, portTaken: started.fellBack ? (step.port ?? ACCESS_LAYER_PORT) : undefined, folder: access.connected[0]?.folder})
  await untilStopSignal()
  await started.stop()
  report({kind: 'access-stopped'})
}

/** The entries a migration stored, as the access layer names them (no values). */
function migratedEntries(outcome: MigrationOutcome): {tenant: string; name: string; provider: string | null; ruleId: string}[] {
  return outcome.plan.entries.map((e) => ({tenant: e.ref.tenant, name: e.ref.name, provider: e.provider, ruleId: e.ruleId}))
}
