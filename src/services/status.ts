import {existsSync, readFileSync} from 'node:fs'

import {readWorkspaceBindings, type WorkspaceBinding} from '../broker/bindings.js'
import {brokerPaths} from '../broker/files.js'
import {policyTextDigest} from '../broker/policy-watch.js'
import {checkPolicyText, type PolicyProblem} from '../policy/parse.js'
import {detectConfinement, type Confinement} from '../sandbox/launch.js'
import {findRunningBroker, type BrokerStateFile} from './serve.js'

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
}

/** Collects what `outloop status` shows. */
export async function readAccessStatus(home: string, env: NodeJS.ProcessEnv): Promise<AccessStatus> {
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
  const broker = await findRunningBroker(home)
  const brokerPolicy = broker?.policyDigest && broker.policyLoadedAt ? {current: policyText !== null && policyTextDigest(policyText) === broker.policyDigest, loadedAt: broker.policyLoadedAt} : null
  return {bindings: bindings.map((b) => ({...b, grants: grants(b.tenant)})), broker, policyFile, policyExists, policyProblems: checked.problems, brokerPolicy, confinement: detectConfinement(env), warnings}
}
