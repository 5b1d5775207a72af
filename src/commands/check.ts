import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import {join} from 'node:path'

import {OutloopCommand} from '../lib/command.js'
import {emitReport, renderScanSarif, reportFlags, reportFormat, scanInputFlags, scanOptionsFromFlags} from '../lib/scan-flags.js'
import {DEFAULT_BASELINE_FILE, readBaselineFile} from '../services/baseline.js'
import type {Finding} from '../scan/report.js'
import {scanTree} from '../services/scan.js'
import {renderCheckText} from '../ui/check-text.js'
import {wantsColor} from '../ui/terminal.js'

export default class Check extends OutloopCommand {
  static override summary = 'Fail when there is a plaintext key that the baseline does not know (for CI and pre-commit).'

  static override description = `Scans PATH and compares every finding with the baseline. Exit 0 when nothing is new; 1 when something is (only the new findings are printed, redacted, as file:line rule preview) or when the scan is incomplete (unless --allow-incomplete); 2 when the baseline is missing, unreadable or from an incompatible version — never a silent pass.

With --staged it checks what git has staged (for a pre-commit hook); with --diff REV the files changed since REV, as committed. A finding with an "outloop:allow" comment on its line or the line above is allowed.`

  static override examples = [
    '<%= config.bin %> check',
    '<%= config.bin %> check --staged',
    '<%= config.bin %> check --diff origin/main --format sarif --output outloop.sarif',
  ]

  static override args = {
    path: Args.string({description: 'Folder to check.', default: '.'}),
  }

  static override flags = {
    baseline: Flags.string({char: 'b', description: `Baseline file (default: PATH/${DEFAULT_BASELINE_FILE}).`, helpValue: 'FILE'}),
    ...reportFlags,
    ...scanInputFlags,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Check)
    const format = reportFormat(flags)
    const file = flags.baseline ?? join(args.path, DEFAULT_BASELINE_FILE)
    const baseline = {...readBaselineFile(file), file}
    // SARIF fingerprints are made under the baseline's salt: the same on every machine that checks the repository.
    const hashes = new Map<Finding, string>()
    const report = await scanTree({...scanOptionsFromFlags(args.path, flags), baseline, onBaselineHash: (finding, hash) => hashes.set(finding, hash)})

    const color = flags.output === undefined && (flags.color ?? wantsColor())
    const rendered =
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'sarif'
          ? await renderScanSarif(report, this.config.version, hashes)
          : renderCheckText(report, {color})
    emitReport(rendered, flags.output)

    if (report.findings.some((f) => f.status === 'new')) this.exit(1)
    if (!report.complete && !flags['allow-incomplete']) {
      this.logToStderr('The scan is incomplete, so the check cannot pass: see the paths not read, or use --allow-incomplete.')
      this.exit(1)
    }
  }
}
