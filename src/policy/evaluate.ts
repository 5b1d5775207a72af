import {matchPathGlob} from './glob.js'
import type {Policy, PolicyDecision, PolicyQuestion} from './types.js'

/**
 * Decides one request against the policy: deny unless a grant of this tenant names the service, the
 * method and a matching path, and (when the request names a secret by placeholder) that secret. The most
 * specific refusal reason wins, so an operator reading the audit log sees what to change.
 */
export function evaluatePolicy(policy: Policy, question: PolicyQuestion): PolicyDecision {
  const service = policy.services.get(question.service)
  if (!service) return {allowed: false, reason: 'unknown-service'}
  const grants = policy.clients.get(question.tenant)
  if (!grants || grants.length === 0) return {allowed: false, reason: 'no-client-policy'}
  const method = question.method.toUpperCase()
  let reason: 'secret-not-allowed' | 'service-not-allowed' | 'method-not-allowed' | 'path-not-allowed' = 'service-not-allowed'
  const rank = {'service-not-allowed': 0, 'secret-not-allowed': 1, 'method-not-allowed': 2, 'path-not-allowed': 3}
  const worse = (next: typeof reason): void => {
    if (rank[next] > rank[reason]) reason = next
  }
  for (const grant of grants) {
    if (grant.service !== question.service) continue
    if (question.secret !== undefined && grant.secret !== question.secret) {
      worse('secret-not-allowed')
      continue
    }
    if (!grant.methods.includes('*') && !grant.methods.includes(method)) {
      worse('method-not-allowed')
      continue
    }
    if (!grant.paths.some((glob) => matchPathGlob(glob, question.path))) {
      worse('path-not-allowed')
      continue
    }
    return {allowed: true, secret: grant.secret, service, grant}
  }
  return {allowed: false, reason}
}
