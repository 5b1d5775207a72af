import {Args, Flags} from '@oclif/core'
import {writeFileSync} from 'node:fs'

import {OutloopCommand} from '../lib/command.js'
import {UserError} from '../lib/errors.js'
import {outloopHome} from '../lib/paths.js'
import {buildScanSarif} from '../report/sarif.js'
import {parseByteSize} from '../scan/config.js'
import type {ScanReport} from '../scan/report.js'
import {scanTree, type ScanProgress} from '../services/scan.js'
import {renderScanText} from '../ui/scan-text.js'

export default class Scan extends OutloopCommand {
  static override summary = 'Find every plaintext key in a tree of client folders.'

  static override description = `Each top-level folder of PATH is a client (tenant); folders starting with _ or . are shared areas (templates, skill libraries). outloop reports every plaintext credential, which are copied within a client, which are shared across clients, and which sit in a client's folder but belong to another client. It never prints a secret: findings show a short prefix and the last 4 characters at most.

An outloop.yaml at the root can rename tenants, add shared areas and ignores, and set maxFileSize.

Exit codes: 0 done; 1 with --fail-on any when there are findings, or when the scan is incomplete (unless --allow-incomplete); 2 on bad input, configuration or I/O errors.`

  static override examples = [
    '<%= config.bin %> scan ~/clients',
    '<%= config.bin %> scan ~/clients --format json --output report.json',
    '<%= config.bin %> scan . --format sarif --output outloop.sarif --fail-on any',
  ]

  static override args = {
    path: Args.string({description: 'Folder holding the client folders.', default: '.'}),
  }

  static override flags = {
    format: Flags.string({char: 'f', description: 'Output format.', options: ['text', 'json', 'sarif'], default: 'text'}),
    output: Flags.string({char: 'o', description: 'Write the report to FILE instead of stdout.'}),
    'fail-on': Flags.string({description: 'Exit 1 when there are findings of this kind.', options: ['none', 'any', 'new'], default: 'none'}),
    'allow-incomplete': Flags.boolean({description: 'With --fail-on, do not fail because some paths could not be read.'}),
    'max-file-size': Flags.string({description: 'Skip (and report) files larger than this, e.g. 5MB.'}),
    ignore: Flags.string({description: 'Glob of paths to leave out (relative to PATH); repeatable.', multiple: true}),
    'no-default-ignores': Flags.boolean({description: 'Also scan .git, node_modules, build output and other folders left out by default.'}),
    timeout: Flags.integer({description: 'Stop reading after this many seconds; the rest is reported as not scanned.', min: 1}),
    threads: Flags.integer({description: 'Worker threads to scan on (default: one per core, at most 4).', min: 1, max: 64}),
    color: Flags.boolean({description: 'Colour the text report (default: on a TTY unless NO_COLOR is set).', allowNo: true}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Scan)
    const maxFileSize = flags['max-file-size'] === undefined ? undefined : parseByteSize(flags['max-file-size'])
    if (maxFileSize === null || maxFileSize === 0) throw new UserError(`--max-file-size: "${flags['max-file-size']}" is not a size.`, 'Use a number of bytes or a size such as 512KB or 5MB.')

    const progress = progressReporter()
    const report = await scanTree({
      root: args.path,
      home: outloopHome(),
      maxFileSize,
      ignore: flags.ignore,
      useDefaultIgnores: flags['no-default-ignores'] ? false : undefined,
      timeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
      onProgress: progress.update,
      threads: flags.threads,
    })
    progress.done()

    const rendered = this.render(report, flags.format, flags.output === undefined && (flags.color ?? wantsColor()))
    if (flags.output === undefined) process.stdout.write(rendered)
    else {
      try {
        writeFileSync(flags.output, rendered, {mode: 0o644})
      } catch (error) {
        throw new UserError(`Can't write ${flags.output}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.`)
      }
      this.logToStderr(`${report.findings.length} findings written to ${flags.output}${report.complete ? '' : ' (scan incomplete)'}.`)
    }

    if (flags['fail-on'] === 'none') return
    const failing = report.findings.filter((f) => flags['fail-on'] === 'any' || f.status === 'new')
    if (failing.length > 0) this.exit(1)
    if (!report.complete && !flags['allow-incomplete']) {
      this.logToStderr('The scan is incomplete, so it cannot pass: see the paths not read, or use --allow-incomplete.')
      this.exit(1)
    }
  }

  private render(report: ScanReport, format: string, color: boolean): string {
    if (format === 'json') return JSON.stringify(report, null, 2) + '\n'
    if (format === 'sarif') return JSON.stringify(buildScanSarif(report, this.config.version), null, 2) + '\n'
    return renderScanText(report, {color})
  }
}

function wantsColor(): boolean {
  return Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb'
}

/** A one-line progress counter on stderr, only on a TTY, so logs and pipes stay clean. */
function progressReporter(): {update?: (p: ScanProgress) => void; done: () => void} {
  if (!process.stderr.isTTY) return {done() {}}
  let shown = false
  return {
    update(p) {
      shown = true
      const mb = p.bytes / 1024 ** 2
      const rate = p.ms > 0 ? mb / (p.ms / 1000) : 0
      process.stderr.write(`\r\u001B[2KScanning: ${p.files.toLocaleString('en-US')} files, ${mb.toFixed(1)} MB (${rate.toFixed(0)} MB/s), ${p.findings} keys so far`)
    },
    done() {
      if (shown) process.stderr.write('\r\u001B[2K')
    },
  }
}
