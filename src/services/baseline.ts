import {readFileSync, renameSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

import {buildBaseline, newBaselineSalt, parseBaseline, type Baseline} from '../baseline/baseline.js'
import {UserError} from '../lib/errors.js'
import type {ScanReport} from '../scan/report.js'
import type {ScanTreeOptions} from './scan.js'

export const DEFAULT_BASELINE_FILE = '.outloop-baseline.json'

/** Scans a tree and records every finding as known, under a fresh salt. */
export async function createBaseline(options: Omit<ScanTreeOptions, 'baseline' | 'baselineSalt' | 'onBaselineHash'>): Promise<{baseline: Baseline; report: ScanReport}> {
  const salt = newBaselineSalt()
  const hashed: Array<{file: string; rule: string; hash: string}> = []
  // The scanner loads here, not at import: outloop hook install wants only DEFAULT_BASELINE_FILE from this module.
  const {scanTree} = await import('./scan.js')
  const report = await scanTree({...options, baselineSalt: salt, onBaselineHash: (finding, hash) => hashed.push({file: finding.file, rule: finding.rule, hash})})
  return {baseline: buildBaseline(salt, hashed), report}
}

/** Writes a baseline atomically (temp file, then rename), so a crash never leaves half a baseline. */
export function writeBaselineFile(file: string, baseline: Baseline): void {
  const temp = join(dirname(file), `.${Date.now()}-${process.pid}.outloop-baseline.tmp`)
  try {
    writeFileSync(temp, JSON.stringify(baseline, null, 2) + '\n', {mode: 0o644})
    renameSync(temp, file)
  } catch (error) {
    throw new UserError(`Can't write the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.`)
  }
}

/** Reads a baseline file; a missing or unreadable one is an error (exit 2), never an empty baseline. */
export function readBaselineFile(file: string): {baseline: Baseline; salt: Buffer} {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UserError(`No baseline at ${file}.`, `Create one with: outloop baseline --output ${file}`)
    throw new UserError(`Can't read the baseline ${file}: ${code ?? 'unknown error'}.`)
  }
  return parseBaseline(text, file)
}
