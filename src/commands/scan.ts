import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../lib/command.js'
import {emitReport, renderScanSarif, reportFlags, scanInputFlags, scanOptionsFromFlags} from '../lib/scan-flags.js'
import type {ScanReport} from '../scan/report.js'
import {readBaselineFile} from '../services/baseline.js'
import {loadKnownValues, scanTree} from '../services/scan.js'
import {vaultBackendFlags} from '../vault/command-flags.js'
import {canPromptOnTerminal} from '../vault/tty.js'
import {renderScanText} from '../ui/scan-text.js'
import {progressReporter, wantsColor} from '../ui/terminal.js'

export default class Scan extends OutloopCommand {
  static override summary = 'Find every plaintext key in a tree of client folders.'

  static override description = `Each top-level folder of PATH is a client (tenant); folders starting with _ or . are shared areas (templates, skill libraries). outloop reports every plaintext credential, which are copied within a client, which are shared across clients, and which sit in a client's folder but belong to another client. It never prints a secret: findings show a short prefix and the last 4 characters at most.

An outloop.yaml at the root can rename tenants, add shared areas and ignores, and set maxFileSize. A finding with an "outloop:allow" comment on its line or the line above is counted as allowed, not reported.

Exit codes: 0 done; 1 with --fail-on when there are such findings, or when the scan is incomplete (unless --allow-incomplete); 2 on bad input, configuration or I/O errors.`

  static override examples = [
    '<%= config.bin %> scan ~/clients',
    '<%= config.bin %> scan ~/clients --format json --output report.json',
    '<%= config.bin %> scan . --format sarif --output outloop.sarif --fail-on any',
    '<%= config.bin %> scan . --baseline .outloop-baseline.json --fail-on new',
    '<%= config.bin %> scan ~/clients --known',
  ]

  static override args = {
    path: Args.string({description: 'Folder holding the client folders.', default: '.'}),
  }

  static override flags = {
    ...reportFlags,
    ...scanInputFlags,
    'fail-on': Flags.string({description: 'Exit 1 when there are findings of this kind (new: not in --baseline).', options: ['none', 'any', 'new'], default: 'none'}),
    baseline: Flags.string({description: 'Mark findings recorded in this baseline file as baselined (see outloop baseline).', helpValue: 'FILE'}),
    known: Flags.boolean({description: 'Also search every file for the exact values the vault holds (raw, base64, URL-encoded, JSON-escaped), so copies no rule recognises are found. Unlocks the vault.'}),
    ...vaultBackendFlags,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Scan)
    const options = scanOptionsFromFlags(args.path, flags)
    const baseline = flags.baseline === undefined ? undefined : {...readBaselineFile(flags.baseline), file: flags.baseline}
    // Unlocked as every vault command unlocks it: OUTLOOP_PASSPHRASE, else a hidden prompt on the terminal.
    const known = flags.known ? await loadKnownValues({home: options.home, env: process.env, backend: flags.vault, interactive: canPromptOnTerminal()}) : undefined
    const progress = progressReporter()
    const report = await scanTree({...options, baseline, known, onProgress: progress.update})
    progress.done()

    emitReport(await this.render(report, flags.format, flags.output === undefined && (flags.color ?? wantsColor())), flags.output)
    if (flags.output !== undefined) this.logToStderr(`${report.findings.length} findings written to ${flags.output}${report.complete ? '' : ' (scan incomplete)'}.`)

    if (flags['fail-on'] === 'none') return
    const failing = report.findings.filter((f) => flags['fail-on'] === 'any' || f.status === 'new')
    if (failing.length > 0) this.exit(1)
    if (!report.complete && !flags['allow-incomplete']) {
      this.logToStderr('The scan is incomplete, so it cannot pass: see the paths not read, or use --allow-incomplete.')
      this.exit(1)
    }
  }

  private async render(report: ScanReport, format: string, color: boolean): Promise<string> {
    if (format === 'json') return JSON.stringify(report, null, 2) + '\n'
    if (format === 'sarif') return renderScanSarif(report, this.config.version)
    return renderScanText(report, {color})
  }
}
