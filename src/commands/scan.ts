import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {OutloopCommand} from '../cli/command.js'
import {emitReport, renderScanSarif, reportFlags, reportFormat, scanInputFlags, scanOptionsFromFlags} from '../cli/scan-flags.js'
import type {RepositoryFingerprints} from '../report/sarif.js'
import type {Finding, ScanReport} from '../scan/report.js'
import {DEFAULT_BASELINE_FILE, findRepositorySalt, readBaselineFile} from '../services/baseline.js'
import {loadKnownValues, scanTree} from '../services/scan.js'
import {vaultBackendFlags} from '../cli/vault-flags.js'
import {terminalPassphrasePrompt} from '../ui/tty.js'
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
    '<%= config.bin %> scan ~/clients --history',
  ]

  static override args = {
    path: Args.string({description: 'Folder holding the client folders.', default: '.'}),
  }

  static override flags = {
    ...reportFlags,
    ...scanInputFlags,
    'fail-on': Flags.string({description: 'Exit 1 when there are findings of this kind (new: not in --baseline).', options: ['none', 'any', 'new'], default: 'none'}),
    baseline: Flags.string({description: 'Mark findings recorded in this baseline file as baselined (see outloop baseline).', helpValue: 'FILE'}),
    'fingerprint-salt-file': Flags.string({
      description: `SARIF: make fingerprints under the salt in FILE (a baseline, or 32+ random characters), so every machine gives the same ones. Default: the salt of --baseline, else of PATH/${DEFAULT_BASELINE_FILE}.`,
      helpValue: 'FILE',
      exclusive: ['baseline'],
    }),
    history: Flags.boolean({description: "Also read every blob of every git repository under PATH (each once): a key gets the commits and paths that added it, and one that only history still holds is reported too.", exclusive: ['staged', 'diff']}),
    known: Flags.boolean({description: 'Also search every file for the exact values the vault holds (raw, base64, URL-encoded, JSON-escaped), so copies no rule recognises are found. Unlocks the vault.'}),
    ...vaultBackendFlags,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Scan)
    const format = reportFormat(flags)
    const options = scanOptionsFromFlags(args.path, flags)
    const baseline = flags.baseline === undefined ? undefined : {...readBaselineFile(flags.baseline), file: flags.baseline}
    // Unlocked as every vault command unlocks it: OUTLOOP_PASSPHRASE, else a hidden prompt on the terminal.
    const known = flags.known ? await loadKnownValues({home: options.home, env: process.env, backend: flags.vault, askPassphrase: terminalPassphrasePrompt()}) : undefined
    const sarif = format === 'sarif'
    const repository = sarif && baseline === undefined ? findRepositorySalt(args.path, flags['fingerprint-salt-file']) : undefined
    if (repository !== undefined && repository.salt === null) {
      if (repository.problem) this.logToStderr(repository.problem)
      this.logToStderr(`SARIF fingerprints are keyed by this machine (OUTLOOP_HOME/fingerprint.key), so another machine gives other ones and code scanning sees its alerts as new. Commit a baseline (outloop baseline) or pass --fingerprint-salt-file.`)
    }
    const hashes = new Map<Finding, string>()
    const progress = progressReporter()
    const report = await scanTree({
      ...options,
      baseline,
      known,
      history: flags.history,
      baselineSalt: repository?.salt?.salt,
      onBaselineHash: sarif ? (finding, hash) => hashes.set(finding, hash) : undefined,
      onProgress: progress.update,
    })
    progress.done()

    emitReport(await this.render(report, format, flags.output === undefined && (flags.color ?? wantsColor()), hashes), flags.output)
    if (flags.output !== undefined) this.logToStderr(`${report.findings.length} findings written to ${flags.output}${report.complete ? '' : ' (scan incomplete)'}.`)

    if (flags['fail-on'] === 'none') return
    const failing = report.findings.filter((f) => flags['fail-on'] === 'any' || f.status === 'new')
    if (failing.length > 0) this.exit(1)
    if (!report.complete && !flags['allow-incomplete']) {
      this.logToStderr('The scan is incomplete, so it cannot pass: see the paths not read, or use --allow-incomplete.')
      this.exit(1)
    }
  }

  private async render(report: ScanReport, format: string, color: boolean, fingerprints: RepositoryFingerprints): Promise<string> {
    if (format === 'json') return JSON.stringify(report, null, 2) + '\n'
    if (format === 'sarif') return renderScanSarif(report, this.config.version, fingerprints)
    return renderScanText(report, {color})
  }
}
