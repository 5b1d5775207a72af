import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../lib/command.js'
import {outloopHome} from '../lib/paths.js'
import {readAccessStatus} from '../services/status.js'
import {describeApproval} from '../ui/approvals-text.js'
import {formatSecretRef} from '../vault/ref.js'

export default class Status extends OutloopCommand {
  static override summary = 'Connected client folders, the running broker, and policy problems.'

  static override flags = {
    json: Flags.boolean({description: 'One JSON document (schema outloop.status/v1).'}),
    vault: Flags.string({description: 'The vault backend (file, keychain, hashicorp); default: the one outloop init chose.'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Status)
    const status = await readAccessStatus(outloopHome(), process.env, {env: process.env, backend: flags.vault, interactive: false})
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.status/v1', ...status}, null, 2))
      return
    }
    const lines: string[] = []
    lines.push(status.bindings.length === 0 ? 'No client folders connected (outloop connect DIR --tenant T).' : `${status.bindings.length} client folder${status.bindings.length === 1 ? '' : 's'} connected:`)
    for (const b of status.bindings) lines.push(`  ${b.tenant.padEnd(16)} ${b.dir}  (${b.grants} grant${b.grants === 1 ? '' : 's'})`)
    lines.push(status.broker ? `Broker: running at ${status.broker.url} (pid ${status.broker.pid}, since ${status.broker.startedAt})` : 'Broker: not running (outloop serve; outloop run starts one for its session).')
    const confinement = status.confinement
    lines.push(
      confinement.kind === 'bubblewrap'
        ? `Agents: confined by bubblewrap ${confinement.version} (${confinement.binary}): own process namespace, system read-only, OUTLOOP_HOME, other clients' folders, keyrings and credential stores hidden, no Unix sockets.`
        : confinement.kind === 'sandbox-exec'
          ? `Agents: confined by sandbox-exec (${confinement.binary}).`
          : `Agents: not confined here (${confinement.reason}); outloop run refuses to start an agent unless given --no-sandbox.`,
    )
    if (status.policyProblems.length > 0) {
      lines.push(`Policy ${status.policyFile} is invalid:`)
      for (const p of status.policyProblems) lines.push(`  ${p.file}:${p.line}:${p.column}: ${p.message}`)
    } else if (status.policyExists) lines.push(`Policy: ${status.policyFile} is valid.`)
    const inUse = status.brokerPolicy
    if (inUse?.current) lines.push(`The running broker uses this policy (read ${inUse.loadedAt}).`)
    else if (inUse) {
      const first = status.policyProblems[0]
      lines.push(`Warning: the running broker uses the policy of ${inUse.loadedAt}; ${first ? `policy.yaml has an error at ${first.line}:${first.column}, so it keeps that one until the file is fixed.` : status.policyExists ? 'policy.yaml changed since and is read within a second.' : 'policy.yaml is gone, so it keeps that one.'}`)
    }
    for (const warning of status.warnings) lines.push(`Warning: ${warning}`)
    if (status.ungranted !== null && status.ungranted.length > 0) {
      lines.push(`Refused until granted in the policy (${status.ungranted.length} vaulted ${status.ungranted.length === 1 ? 'key' : 'keys'} of connected clients):`)
      for (const e of status.ungranted) lines.push(`  ${formatSecretRef(e)}`)
    }
    if (status.approvals.length > 0) {
      lines.push(`Waiting for approval (${status.approvals.length}; outloop approvals approve|deny ID):`)
      for (const entry of status.approvals) lines.push(`  ${describeApproval(entry)}`)
    }
    if (status.budgets.length > 0) {
      lines.push('Budgets:')
      for (const b of status.budgets) lines.push(`  ${b.tenant.padEnd(16)} ${`${b.service} (${b.secret})`.padEnd(32)} ${String(b.used).padStart(6)} of ${b.limit}${b.used >= b.count ? `, spent: room again in ${b.freesInSec}s` : ''}`)
    }
    this.log(lines.join('\n'))
  }
}
