import * as Flags from '@oclif/core/flags'
import {writeFileSync} from 'node:fs'
import {resolve} from 'node:path'

import {parseByteSize} from '../scan/config.js'
import type {RepositoryFingerprints} from '../report/sarif.js'
import type {ScanReport} from '../scan/report.js'
import {gitFiles} from '../scan/git-source.js'
import type {ScanTreeOptions} from '../services/scan.js'
import {UserError} from './errors.js'
import {outloopHome} from './paths.js'

/** Flags shared by every command that scans: what to read and how. */
export const scanInputFlags = {
  'max-file-size': Flags.string({description: 'Skip (and report) files larger than this, e.g. 5MB.'}),
  ignore: Flags.string({description: 'Glob of paths to leave out (relative to PATH); repeatable.', multiple: true}),
  'no-default-ignores': Flags.boolean({description: 'Also scan .git, node_modules, build output and other folders left out by default.'}),
  timeout: Flags.integer({description: 'Stop reading after this many seconds; the rest is reported as not scanned.', min: 1}),
  threads: Flags.integer({description: 'Worker threads to scan on (default: one per core, at most 4).', min: 1, max: 64}),
  staged: Flags.boolean({description: "Scan only what git has staged, as staged (the index's content): for a pre-commit hook.", exclusive: ['diff']}),
  diff: Flags.string({description: 'Scan only files changed between REV and HEAD, as committed at HEAD: for CI on a pull request.', helpValue: 'REV', exclusive: ['staged']}),
}

/** Flags shared by commands that print a report. */
export const reportFlags = {
  format: Flags.string({char: 'f', description: 'Output format.', options: ['text', 'json', 'sarif'], default: 'text'}),
  json: Flags.boolean({description: 'The same as --format json.'}),
  output: Flags.string({char: 'o', description: 'Write the report to FILE instead of stdout.'}),
  'allow-incomplete': Flags.boolean({description: 'Do not fail because some paths could not be read.'}),
  color: Flags.boolean({description: 'Colour the text report (default: on a TTY unless NO_COLOR is set).', allowNo: true}),
}

type InputFlags = {
  'max-file-size'?: string
  ignore?: string[]
  'no-default-ignores'?: boolean
  timeout?: number
  threads?: number
  staged?: boolean
  diff?: string
}

/** Turns the shared input flags into scan options (root, limits, git selection). */
export function scanOptionsFromFlags(path: string, flags: InputFlags): ScanTreeOptions {
  const maxFileSize = flags['max-file-size'] === undefined ? undefined : parseByteSize(flags['max-file-size'])
  if (maxFileSize === null || maxFileSize === 0) throw new UserError(`--max-file-size: "${flags['max-file-size']}" is not a size.`, 'Use a number of bytes or a size such as 512KB or 5MB.')
  const root = resolve(path)
  const selection = flags.staged ? ({staged: true} as const) : flags.diff === undefined ? null : {since: flags.diff}
  return {
    root: path,
    home: outloopHome(),
    maxFileSize,
    ignore: flags.ignore,
    useDefaultIgnores: flags['no-default-ignores'] ? false : undefined,
    timeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
    threads: flags.threads,
    files: selection === null ? undefined : iterate(() => gitFiles(root, selection)),
  }
}

async function* iterate<T>(list: () => T[]): AsyncGenerator<T> {
  yield* list()
}

/** The report format asked for: --json is --format json, and contradicting it is a usage error. */
export function reportFormat(flags: {format: string; json?: boolean}): 'text' | 'json' | 'sarif' {
  if (flags.json && flags.format !== 'json' && flags.format !== 'text') throw new UserError(`--json and --format ${flags.format} ask for two formats.`, 'Use one of them.')
  return flags.json ? 'json' : (flags.format as 'text' | 'json' | 'sarif')
}

/** The SARIF document of a report. Its rule list is the whole detector registry: loaded for this format only. */
export async function renderScanSarif(report: ScanReport, version: string, hashes?: RepositoryFingerprints): Promise<string> {
  const {buildScanSarif} = await import('../report/sarif.js')
  return JSON.stringify(buildScanSarif(report, version, hashes), null, 2) + '\n'
}

/** Writes a rendered report to a file, or to stdout when no file is given. */
export function emitReport(rendered: string, output: string | undefined): void {
  if (output === undefined) {
    process.stdout.write(rendered)
    return
  }
  try {
    writeFileSync(output, rendered, {mode: 0o644})
  } catch (error) {
    throw new UserError(`Can't write ${output}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.`)
  }
}
