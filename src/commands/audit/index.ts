import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../../lib/command.js'
import {outloopHome} from '../../lib/paths.js'
import {listAuditRecords, parseAuditDuration} from '../../services/audit.js'
import {renderAuditRecordLine, type AuditRecordFormat} from '../../ui/audit-text.js'

export default class Audit extends OutloopCommand {
  static override summary = 'Which agent used which service for which client: the broker’s audit log.'

  static override description = `Every request the broker decided, per client: time, folder, service, secret name, method, host, path (no query string), status, decision and reason. Never headers, bodies or values.

--format jsonl prints one record per line as the log holds it; --format ocsf one OCSF API Activity event (class 6003) per line, the client in metadata.tenant_uid, for a SIEM. To ship records as they are written, use outloop audit tail --follow.`

  static override examples = [
    '<%= config.bin %> audit --tenant acme --since 1h',
    '<%= config.bin %> audit --json',
    '<%= config.bin %> audit --format ocsf --since 1d > outloop-ocsf.jsonl',
    '<%= config.bin %> audit verify',
  ]

  static override flags = {
    tenant: Flags.string({description: 'Only this client.'}),
    since: Flags.string({description: 'Only records newer than this (30m, 1h, 7d).'}),
    format: Flags.string({description: 'text; json (one document, as --json); jsonl (a record per line); ocsf (an OCSF 1.3.0 API Activity event per line).', options: ['text', 'json', 'jsonl', 'ocsf'], default: 'text'}),
    json: Flags.boolean({description: 'One JSON document (schema outloop.audit/v1); the same as --format json.'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Audit)
    const records = listAuditRecords({home: outloopHome(), tenant: flags.tenant, sinceMs: flags.since ? parseAuditDuration(flags.since) : undefined})
    const format = flags.json ? 'json' : flags.format
    if (format === 'json') {
      this.log(JSON.stringify({schema: 'outloop.audit/v1', records}, null, 2))
      return
    }
    if (records.length === 0 && format === 'text') {
      this.log('No audit records.')
      return
    }
    for (const r of records) this.log(renderAuditRecordLine(r, format as AuditRecordFormat, this.config.version))
  }
}
