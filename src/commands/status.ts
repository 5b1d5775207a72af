import {Flags} from '@oclif/core'

import {OutloopCommand} from '../lib/command.js'
import {outloopHome} from '../lib/paths.js'
import {readAccessStatus} from '../services/status.js'
import {formatSecretRef} from '../vault/ref.js'

export default class Status extends OutloopCommand {
  static override summary = 'Connected client folders, the running broker, and policy problems.'

  static override flags = {
    json: Flags.boolean({description: 'One JSON document (schema outloop.status/v1).'}),
    vault: Flags.string({description: 'The vault backend (file, keychain, hashicorp); default: the one outloop init chose.'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Status)
    const status = await readAccessStatus(outloopHome(), {env: process.env, backend: flags.vault, interactive: false})
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.status/v1', ...status}, null, 2))
      return
    }
    const lines: string[] = []
    lines.push(status.bindings.length === 0 ? 'No client folders connected (outloop connect DIR --tenant T).' : `${status.bindings.length} client folder${status.bindings.length === 1 ? '' : 's'} connected:`)
    for (const b of status.bindings) lines.push(`  ${b.tenant.padEnd(16)} ${b.dir}  (${b.grants} grant${b.grants === 1 ? '' : 's'})`)
    lines.push(status.broker ? `Broker: running at ${status.broker.url} (pid ${status.broker.pid}, since ${status.broker.startedAt})` : 'Broker: not running (outloop serve; outloop run starts one for its session).')
    if (status.policyProblems.length > 0) {
      lines.push(`Policy ${status.policyFile} is invalid:`)
      for (const p of status.policyProblems) lines.push(`  ${p.file}:${p.line}:${p.column}: ${p.message}`)
    } else if (status.policyExists) lines.push(`Policy: ${status.policyFile} is valid.`)
    for (const warning of status.warnings) lines.push(`Warning: ${warning}`)
    if (status.ungranted !== null && status.ungranted.length > 0) {
      lines.push(`Refused until granted in the policy (${status.ungranted.length} vaulted ${status.ungranted.length === 1 ? 'key' : 'keys'} of connected clients):`)
      for (const e of status.ungranted) lines.push(`  ${formatSecretRef(e)}`)
    }
    this.log(lines.join('\n'))
  }
}
