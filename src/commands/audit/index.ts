import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {listAuditRecords, parseAuditDuration} from '../../services/audit.js'

export default class Audit extends OutloopCommand {
  static override summary = 'Which agent used which service for which client: the broker’s audit log.'

  static override description = 'Every request the broker decided, per client: time, folder, service, secret name, method, host, path (no query string), status, decision and reason. Never headers, bodies or values.'

  static override examples = ['<%= config.bin %> audit --tenant acme --since 1h', '<%= config.bin %> audit --json', '<%= config.bin %> audit verify']

  static override flags = {
    tenant: Flags.string({description: 'Only this client.'}),
    since: Flags.string({description: 'Only records newer than this (30m, 1h, 7d).'}),
    json: Flags.boolean({description: 'One JSON document (schema outloop.audit/v1).'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Audit)
    const records = listAuditRecords({home: outloopHome(), tenant: flags.tenant, sinceMs: flags.since ? parseAuditDuration(flags.since) : undefined})
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.audit/v1', records}, null, 2))
      return
    }
    if (records.length === 0) {
      this.log('No audit records.')
      return
    }
    for (const r of records) {
      this.log([r.time, r.client, r.decision.padEnd(7), r.phase === 'pending' ? 'pending' : String(r.status), r.method, `${r.service ?? '-'}${r.path}`, r.secret ?? '-', r.reason, `${r.durationMs}ms`, r.workspace ?? '-'].join('  '))
    }
  }
}
