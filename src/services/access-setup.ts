import {existsSync, mkdirSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

import {findWorkspaceBinding, readWorkspaceBindings, resolveWorkspaceDir} from '../broker/bindings.js'
import {brokerPaths} from '../broker/files.js'
import type {RunningBroker} from '../broker/server.js'
import {starterPolicyText, type StarterPolicyEntry} from '../policy/starter.js'
import {loadScanConfig} from '../scan/config.js'
import {placePath} from '../scan/tenants.js'
import {createFileAtomic} from '../vault/fs-safe.js'
import type {SecretStore} from '../vault/types.js'
import {connectClientFolder} from './connect.js'
import {isInternalTenant} from '../vault/internal.js'
import {openVaultForService, type VaultServiceOptions} from './vault/store.js'
import {findRunningBroker, loadBrokerPolicy, serveBroker, type ServeOptions} from './serve.js'

/** A client folder connected (or found already connected) to its tenant. */
export interface AccessSetupConnected {
  readonly tenant: string
  /** Real path of the folder, as the binding holds it. */
  readonly folder: string
  /** False when it was already bound to this tenant. */
  readonly changed: boolean
  readonly previousTenant: string | null
}

/** A folder already bound to another client: left as it was, for the operator to decide. */
export interface AccessSetupConflict {
  readonly tenant: string
  readonly folder: string
  readonly boundTenant: string
}

/** A folder that could not be connected (gone, not a folder, an invalid tenant name), in our own words. */
export interface AccessSetupFailure {
  readonly tenant: string
  readonly folder: string
  readonly message: string
}

/** What happened to OUTLOOP_HOME/policy.yaml. */
export interface AccessSetupPolicy {
  readonly file: string
  /** True when the starter policy was written; an existing policy is never touched. */
  readonly written: boolean
  /** Migrated entries the policy on disk now grants to their own client. */
  readonly granted: number
  /** Migrated entries it does not grant: their placeholders are refused until the operator adds a grant. */
  readonly ungranted: {tenant: string; name: string}[]
  /** Why the existing policy can't be used (the broker refuses to start on it): positions only, never values. */
  readonly problem?: string
}

export interface AccessSetupResult {
  readonly connected: AccessSetupConnected[]
  readonly conflicts: AccessSetupConflict[]
  readonly failed: AccessSetupFailure[]
  readonly policy: AccessSetupPolicy
}

export interface AccessSetupOptions {
  readonly home: string
  readonly clientFolders: readonly {tenant: string; folder: string}[]
  /** The migrated vault entries (names and detectors only: this step never sees a value). */
  readonly entries: readonly StarterPolicyEntry[]
}

/**
 * After a migration: connects each client folder to its tenant and, when there is no policy yet, writes a
 * starter policy granting each client only its own keys. A folder bound to another client is reported,
 * not rebound (rebinding would hand its agents another client's keys); an existing policy is only read.
 */
export async function setUpAccessLayer(options: AccessSetupOptions): Promise<AccessSetupResult> {
  const connected: AccessSetupConnected[] = []
  const conflicts: AccessSetupConflict[] = []
  const failed: AccessSetupFailure[] = []
  for (const {tenant, folder} of options.clientFolders) {
    try {
      const real = resolveWorkspaceDir(folder)
      // This step only adds: a folder bound to another client, or inside one, is reported, never rebound.
      const bound = findWorkspaceBinding(readWorkspaceBindings(options.home), real)
      if (bound && bound.tenant !== tenant) {
        conflicts.push({tenant, folder: real, boundTenant: bound.tenant})
        continue
      }
      const result = await connectClientFolder({home: options.home, dir: real, tenant})
      connected.push({tenant, folder: result.binding.dir, changed: result.changed, previousTenant: result.previousTenant})
    } catch (error) {
      failed.push({tenant, folder, message: error instanceof Error ? error.message : String(error)})
    }
  }
  return {connected, conflicts, failed, policy: ensureStarterPolicy(options.home, options.entries)}
}

/**
 * The client folders under a scan root for these tenants (outloop.yaml's mapping applied), for connecting
 * after a migration that had nothing left to move.
 */
export async function clientFoldersUnder(root: string, tenants: ReadonlySet<string>): Promise<{tenant: string; folder: string}[]> {
  const config = await loadScanConfig(root)
  return readdirSync(root, {withFileTypes: true})
    .filter((d) => d.isDirectory())
    .map((d) => ({tenant: placePath(`${d.name}/x`, config).tenant, folder: join(root, d.name)}))
    .filter((c): c is {tenant: string; folder: string} => c.tenant !== null && tenants.has(c.tenant))
    .sort((a, b) => (a.folder < b.folder ? -1 : 1))
}

/** The vault's client entries as the starter policy sees them (names and providers; migration's own entries left out). */
export async function vaultStarterEntries(store: SecretStore): Promise<StarterPolicyEntry[]> {
  return (await store.list()).filter((info) => !isInternalTenant(info.ref.tenant)).map((info) => ({tenant: info.ref.tenant, name: info.ref.name, provider: info.provider, ruleId: null}))
}

/**
 * `outloop policy init`: writes the starter policy from what the vault holds when there is no policy yet;
 * otherwise reads the existing one and names the vaulted keys it does not grant. Never replaces a policy.
 */
export async function initPolicyFromVault(options: VaultServiceOptions): Promise<AccessSetupPolicy> {
  const entries = await vaultStarterEntries(openVaultForService(options).store)
  return ensureStarterPolicy(options.home, entries)
}

/** Writes the starter policy when there is none (create-only); reports which of `entries` the policy on disk does not grant. */
export function ensureStarterPolicy(home: string, entries: readonly StarterPolicyEntry[]): AccessSetupPolicy {
  const file = brokerPaths(home).policy
  if (!existsSync(file)) {
    const starter = starterPolicyText(entries)
    let created: boolean
    try {
      mkdirSync(home, {recursive: true, mode: 0o700})
      // Create-only, not replace: a policy written meanwhile by the operator or another run wins.
      created = createFileAtomic(file, starter.text)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return {file, written: false, granted: 0, ungranted: uniqueEntries(entries), problem: `Can't write the starter policy to ${file}${code ? ` (${code})` : ''}.`}
    }
    if (created) return {file, written: true, granted: starter.granted, ungranted: starter.ungranted}
  }
  const own = uniqueEntries(entries)
  let policy
  try {
    policy = loadBrokerPolicy(home).policy
  } catch (error) {
    // PolicyError lists file:line:column and what was expected, never the text found there.
    return {file, written: false, granted: 0, ungranted: own, problem: error instanceof Error ? error.message : String(error)}
  }
  const ungranted = own.filter((e) => !(policy.clients.get(e.tenant) ?? []).some((grant) => grant.secret === e.name))
  return {file, written: false, granted: own.length - ungranted.length, ungranted}
}

function uniqueEntries(entries: readonly StarterPolicyEntry[]): {tenant: string; name: string}[] {
  const seen = new Map<string, {tenant: string; name: string}>()
  for (const {tenant, name} of entries) seen.set(`${tenant}\0${name}`, {tenant, name})
  return [...seen.values()].sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The port `outloop serve` uses by default, so `run` and a README example agree. */
export const ACCESS_LAYER_PORT = 7745

/** Either the broker this call started, or the one that was already serving this OUTLOOP_HOME. */
export type AccessLayerBroker =
  | {
      readonly kind: 'started'
      readonly broker: RunningBroker
      readonly policyFile: string
      readonly stop: () => Promise<void>
      /** The preferred port was taken, so the broker listens on a free one (announced for `run` and `status`). */
      readonly fellBack: boolean
    }
  | {readonly kind: 'already-running'; readonly url: string; readonly pid: number}

/**
 * Starts the announced broker for this OUTLOOP_HOME on the preferred port (7745), or on a free port when
 * that one is taken; starts nothing when a broker for this home already answers.
 */
export async function startAccessLayerBroker(options: Omit<ServeOptions, 'port' | 'announce'> & {preferredPort?: number}): Promise<AccessLayerBroker> {
  const running = await findRunningBroker(options.home)
  if (running) return {kind: 'already-running', url: running.url, pid: running.pid}
  const {preferredPort, ...serve} = options
  try {
    const started = await serveBroker({...serve, port: preferredPort ?? ACCESS_LAYER_PORT, announce: true})
    return {kind: 'started', ...started, fellBack: false}
  } catch (error) {
    // startBroker passes the listen error through as Node raised it.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
  }
  const started = await serveBroker({...serve, port: 0, announce: true})
  return {kind: 'started', ...started, fellBack: true}
}
