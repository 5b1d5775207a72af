import * as Flags from '@oclif/core/flags'

import type {AuditRecord} from '../../audit/chain.js'
import {OutloopCommand} from '../../cli/command.js'
import {UserError} from '../../lib/errors.js'
import {outloopHome} from '../../lib/paths.js'
import {tailAuditLog} from '../../services/audit.js'
import {renderAuditRecordLine, type AuditRecordFormat} from '../../ui/audit-text.js'

export default class AuditTail extends OutloopCommand {
  static override summary = 'The latest audit records, and with --follow each new one as it is written: to ship the audit trail off the machine.'

  static override description = `Prints the last --lines records (of every client, or --tenant's), then with --follow every record a broker or launcher appends, until Ctrl-C or until its reader goes away. Records come as they are written: a request allowed through to its upstream is its pending decision (written before the upstream is contacted) and then the record that completes it.

A copy kept where the agent and this account can't rewrite it (a log server, an append-only store) is what makes the trail trustworthy against someone with full local access: whoever can read OUTLOOP_HOME can re-sign a local log.

--json prints the latest records as one document instead (not with --follow: a document that never ends is no document; --format jsonl is the feed).

Exit codes: 0 stopped (Ctrl-C, SIGTERM, or the reader went away); 2 bad usage (--json with --follow among it), or something to fix first (the message says what); 70 an internal error.`

  static override examples = [
    '<%= config.bin %> audit tail',
    '<%= config.bin %> audit tail --follow --format ocsf | logger -t outloop',
    '<%= config.bin %> audit tail --follow --lines 0 --tenant acme --format jsonl >> /mnt/append-only/outloop-acme.jsonl',
    '<%= config.bin %> audit tail --lines 50 --json',
  ]

  static override flags = {
    follow: Flags.boolean({char: 'f', description: 'Keep printing records as they are appended.'}),
    lines: Flags.integer({char: 'n', description: 'How many of the latest records to print first (0: only new ones).', default: 10, min: 0}),
    tenant: Flags.string({description: 'Only this client.'}),
    format: Flags.string({description: 'text; jsonl (a record per line, as the log holds it); ocsf (an OCSF 1.3.0 API Activity event per line).', options: ['text', 'jsonl', 'ocsf'], default: 'text'}),
    json: Flags.boolean({description: 'The latest records as one JSON document (schema outloop.audit-tail/v1: records, each as --format jsonl prints it). Not with --follow, which never ends a document: use --format jsonl there.'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(AuditTail)
    // --json is one document, as on every other command; a feed that never ends can't be one.
    if (flags.json && flags.follow) throw new UserError('--json prints one JSON document, and --follow never ends it.', 'Use --follow --format jsonl for a record per line as it is written, or --json without --follow.')
    if (flags.json && flags.format !== 'text') throw new UserError(`--json and --format ${flags.format} ask for two formats.`, 'Use one of them.')
    if (flags.json) {
      const records: AuditRecord[] = []
      await tailAuditLog({home: outloopHome(), tenant: flags.tenant, lines: flags.lines, follow: false, onRecord: (record) => records.push(record), onProblem: (message) => this.logToStderr(`Warning: ${message}`)})
      this.log(JSON.stringify({schema: 'outloop.audit-tail/v1', records}, null, 2))
      return
    }
    const stop = new AbortController()
    const onSignal = (): void => stop.abort()
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    // `| logger` or `| head` ending is the end of the feed, not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') stop.abort()
    })
    try {
      await tailAuditLog({
        home: outloopHome(),
        tenant: flags.tenant,
        lines: flags.lines,
        follow: flags.follow,
        signal: stop.signal,
        onRecord: (record) => {
          if (!stop.signal.aborted) process.stdout.write(renderAuditRecordLine(record, flags.format as AuditRecordFormat, this.config.version) + '\n')
        },
        onProblem: (message) => this.logToStderr(`Warning: ${message}`),
      })
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
