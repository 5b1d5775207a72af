import type {AccessSetupPolicy, AccessSetupResult} from '../services/access-setup.js'
import {formatSecretRef} from '../vault/ref.js'

/** How many refs a line lists before "and N more", so a large agency's summary stays readable. */
const LISTED = 6

function refList(entries: readonly {tenant: string; name: string}[]): string {
  const shown = entries.slice(0, LISTED).map((e) => formatSecretRef(e))
  return entries.length > LISTED ? `${shown.join(', ')} and ${entries.length - LISTED} more` : shown.join(', ')
}

/** What connecting the client folders and preparing the policy did, one line per fact (names and paths only). */
export function renderAccessSetupLines(result: AccessSetupResult): string[] {
  const lines: string[] = []
  for (const c of result.connected) {
    const was = !c.changed ? ' (already connected)' : c.previousTenant !== null ? ` (was ${c.previousTenant})` : ''
    lines.push(`Connected ${c.folder} to ${c.tenant}${was}.`)
  }
  for (const c of result.conflicts) {
    lines.push(`Not connected: ${c.folder} is connected to ${c.boundTenant}, not ${c.tenant}; outloop connect ${c.folder} --tenant ${c.tenant} rebinds it if that is right.`)
  }
  for (const f of result.failed) lines.push(`Not connected: ${f.folder}: ${f.message}`)
  return [...lines, ...renderPolicySetupLines(result.policy)]
}

/** What became of the policy: written, kept (with the keys it does not grant), or unusable and why. */
export function renderPolicySetupLines(policy: AccessSetupPolicy): string[] {
  const lines: string[] = []
  if (policy.problem !== undefined) {
    lines.push(`The policy can't be used: ${policy.problem}`)
  } else if (policy.written) {
    lines.push(`Wrote a starter policy to ${policy.file}: each client may use only its own keys (${policy.granted} granted), with any method and path of their provider; narrow it there.`)
  } else {
    lines.push(`Kept the policy at ${policy.file} as it is (${policy.granted} of the migrated keys granted).`)
  }
  if (policy.problem === undefined && policy.ungranted.length > 0) {
    lines.push(`Refused until granted in the policy (no built-in service, or not granted there): ${refList(policy.ungranted)}.`)
  }
  return lines
}
