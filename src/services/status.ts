import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {readWorkspaceBindings, type WorkspaceBinding} from '../broker/bindings.js'
import {brokerPaths} from '../broker/files.js'
import {policyTextDigest} from '../broker/policy-watch.js'
import {baseUrlOverrideWarning, baseUrlVariables, findBaseUrlOverrides, isDotenvPath, type BaseUrlOverride} from '../plan/base-urls.js'
import {checkPolicyText, type PolicyProblem} from '../policy/parse.js'
import {SERVICE_PRESETS} from '../policy/presets.js'
import type {ServiceDefinition} from '../policy/types.js'
import {detectConfinement, type Confinement} from '../sandbox/launch.js'
import {UserError} from '../lib/errors.js'
import {compareSecretRefs} from '../vault/ref.js'
import type {PendingApproval} from '../broker/approvals.js'
import {listPendingApprovals} from './approvals.js'
import {findRunningBroker, readBudgetUse, type BrokerStateFile} from './serve.js'
import {isInternalTenant} from '../vault/internal.js'
import {openVaultForService, type VaultServiceOptions} from './vault/store.js'

/** Bindings, the running broker, and what is wrong with the policy. */
export interface AccessStatus {
  readonly bindings: Array<WorkspaceBinding & {grants: number}>
  readonly broker: BrokerStateFile | null
  readonly policyFile: string
  readonly policyExists: boolean
  readonly policyProblems: PolicyProblem[]
  /** Whether the running broker decides with the policy file's current text; null when no broker says. */
  readonly brokerPolicy: {readonly current: boolean; readonly loadedAt: string} | null
  /** How `outloop run` confines agents on this machine, or why it can't (then it refuses without --no-sandbox). */
  readonly confinement: Confinement
  /** Plain-language warnings: a connected client with no grants, a grant for a client never connected. */
  readonly warnings: string[]
  /** Vaulted keys of connected clients that the policy does not grant (refused); null when the vault could not be read. */
  readonly ungranted: {tenant: string; name: string}[] | null
  /** Requests waiting for a person's answer now (outloop approvals). */
  readonly approvals: PendingApproval[]
  /** Every budget the policy sets, with what the running broker has counted (0 when it counted nothing or none runs). */
  readonly budgets: BudgetStatus[]
}

/** One budget of one grant, and its use now. */
export interface BudgetStatus {
  readonly tenant: string
  readonly service: string
  readonly secret: string
  readonly limit: string
  readonly count: number
  readonly used: number
  /** Seconds until the oldest counted request leaves the window; 0 when none counts. */
  readonly freesInSec: number
}

/** Collects what `outloop status` shows; with `vault`, also the connected clients' vaulted keys the policy does not grant. */
export async function readAccessStatus(home: string, env: NodeJS.ProcessEnv, vault?: Omit<VaultServiceOptions, 'home'>): Promise<AccessStatus> {
  const bindings = readWorkspaceBindings(home)
  const policyFile = brokerPaths(home).policy
  const policyExists = existsSync(policyFile)
  const policyText = policyExists ? readFileSync(policyFile, 'utf8') : null
  const checked = policyText !== null ? checkPolicyText(policyText, policyFile) : {policy: null, problems: []}
  const warnings: string[] = []
  const grants = (tenant: string) => checked.policy?.clients.get(tenant)?.length ?? 0
  if (!policyExists) warnings.push(`No policy at ${policyFile}: the broker refuses to start without one.`)
  if (checked.policy) {
    for (const binding of bindings) if (grants(binding.tenant) === 0) warnings.push(`Client ${binding.tenant} is connected but the policy grants it nothing: every request of its agents is denied.`)
    for (const tenant of checked.policy.clients.keys()) if (!bindings.some((b) => b.tenant === tenant)) warnings.push(`The policy has grants for ${tenant}, but no folder is connected to it.`)
  }
  for (const binding of bindings) for (const o of dotenvBaseUrlOverrides(binding.dir, [...(checked.policy?.services.values() ?? []), ...SERVICE_PRESETS])) warnings.push(baseUrlOverrideWarning(o))
  let ungranted: {tenant: string; name: string}[] | null = null
  if (vault !== undefined && checked.problems.length === 0) {
    try {
      const connected = new Set(bindings.map((b) => b.tenant))
      const granted = (tenant: string, name: string): boolean => (checked.policy?.clients.get(tenant) ?? []).some((g) => g.secret === name)
      const entries = await openVaultForService({...vault, home}).store.list()
      ungranted = entries
        .map((e) => e.ref)
        .filter((ref) => connected.has(ref.tenant) && !isInternalTenant(ref.tenant) && !granted(ref.tenant, ref.name))
        .map((ref) => ({tenant: ref.tenant, name: ref.name}))
        .sort((a, b) => compareSecretRefs(a, b))
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      warnings.push(`The vault could not be read (${error.message}), so keys the policy does not grant are not listed; set OUTLOOP_PASSPHRASE or run on a terminal.`)
    }
  }
  const broker = await findRunningBroker(home)
  const brokerPolicy = broker?.policyDigest && broker.policyLoadedAt ? {current: policyText !== null && policyTextDigest(policyText) === broker.policyDigest, loadedAt: broker.policyLoadedAt} : null
  const counted = readBudgetUse(home, broker) ?? []
  const budgets: BudgetStatus[] = []
  for (const [tenant, list] of checked.policy?.clients ?? [])
    for (const grant of list)
      for (const limit of grant.limits ?? []) {
        const use = counted.find((u) => u.tenant === tenant && u.service === grant.service && u.secret === grant.secret && u.unit === limit.unit && u.count === limit.count)
        budgets.push({tenant, service: grant.service, secret: grant.secret, limit: `${limit.count}/${limit.unit}`, count: limit.count, used: use?.used ?? 0, freesInSec: use?.freesInSec ?? 0})
      }
  return {bindings: bindings.map((b) => ({...b, grants: grants(b.tenant)})), broker, policyFile, policyExists, policyProblems: checked.problems, brokerPolicy, confinement: detectConfinement(env), warnings, ungranted, approvals: listPendingApprovals(home), budgets}
}

/** The `.env*` files of a connected folder (what an agent started there loads) that hard-code a provider's base URL. */
function dotenvBaseUrlOverrides(dir: string, services: readonly ServiceDefinition[]): BaseUrlOverride[] {
  const variables = baseUrlVariables(services)
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => isDotenvPath(name)).sort()
  } catch {
    return []
  }
  return names.flatMap((name) => {
    const path = join(dir, name)
    try {
      return statSync(path).isFile() && statSync(path).size <= 1 << 20 ? findBaseUrlOverrides(path, readFileSync(path, 'utf8'), variables) : []
    } catch {
      return []
    }
  })
}
