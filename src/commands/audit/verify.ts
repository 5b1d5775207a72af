import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {verifyAuditLogs} from '../../services/audit.js'

export default class AuditVerify extends OutloopCommand {
  static override summary = 'Check the audit logs’ hash chains: exit 1 when a record was edited, removed or reordered, or a log removed, cut short or swapped.'

  static override flags = {
    tenant: Flags.string({description: 'Only this client’s log.'}),
    json: Flags.boolean({description: 'One JSON document (schema outloop.audit-verify/v1).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(AuditVerify)
    const result = verifyAuditLogs({home: outloopHome(), tenant: flags.tenant})
    if (flags.json) this.log(JSON.stringify({schema: 'outloop.audit-verify/v1', ok: result.problems.length === 0, ...result}, null, 2))
    else {
      for (const c of result.clients) this.log(`${c.client}: ${c.records} record${c.records === 1 ? '' : 's'}`)
      for (const p of result.problems) this.log(`${p.line > 0 ? `${p.file}:${p.line}` : p.file}: ${p.message}`)
      for (const note of result.notes) this.log(`Note: ${note}`)
      this.log(result.problems.length === 0 ? 'Audit logs intact.' : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}: the audit log was tampered with or damaged.`)
    }
    if (result.problems.length > 0) this.exit(1)
  }
}
