import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import {join} from 'node:path'

import {OutloopCommand} from '../lib/command.js'
import {scanInputFlags, scanOptionsFromFlags} from '../lib/scan-flags.js'
import {DEFAULT_BASELINE_FILE, createBaseline, writeBaselineFile} from '../services/baseline.js'
import {progressReporter} from '../ui/terminal.js'

export default class BaselineCommand extends OutloopCommand {
  static override summary = "Record today's findings as known, so CI fails only on new plaintext keys."

  static override description = `Writes a baseline file that is safe to commit: a random salt and, per (file, rule, value), an HMAC of the value under that salt and a count. No value, no bare hash, and no line numbers, so moving lines or reformatting makes nothing new, while a rotated key, a second copy in a file, or a known key copied into a new file is new. Use it with outloop check, or outloop scan --baseline FILE --fail-on new.`

  static override examples = ['<%= config.bin %> baseline', '<%= config.bin %> baseline ~/clients --output ~/clients/.outloop-baseline.json']

  static override args = {
    path: Args.string({description: 'Folder to scan.', default: '.'}),
  }

  static override flags = {
    output: Flags.string({char: 'o', description: `Baseline file to write (default: PATH/${DEFAULT_BASELINE_FILE}).`}),
    ...scanInputFlags,
    json: Flags.boolean({description: 'Print what was written as one JSON document (schema outloop.baseline-written/v1); the baseline itself goes to --output.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(BaselineCommand)
    const output = flags.output ?? join(args.path, DEFAULT_BASELINE_FILE)
    const progress = progressReporter()
    const {baseline, report} = await createBaseline({...scanOptionsFromFlags(args.path, flags), onProgress: progress.update})
    progress.done()
    writeBaselineFile(output, baseline)
    const files = new Set(baseline.entries.map((e) => e.file)).size
    const notScanned = report.skipped.filter((s) => s.reason !== 'binary').length
    if (flags.json) {
      this.log(JSON.stringify({schema: 'outloop.baseline-written/v1', file: output, findings: report.findings.length, entries: baseline.entries.length, files, complete: report.complete, notScanned}, null, 2))
      return
    }
    this.logToStderr(`Baseline written to ${output}: ${report.findings.length} findings in ${files} files are now known.`)
    if (!report.complete) this.logToStderr(`The scan was incomplete (${notScanned} paths not read): keys in them are not in the baseline.`)
  }
}
