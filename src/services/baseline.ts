import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
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

/** A salt that the scanned repository holds, and where it came from (for the messages). */
export interface RepositorySalt {
  readonly salt: Buffer
  readonly source: string
}

/** The shortest salt file taken: anything shorter could be guessed, and the fingerprints then checked against guessed keys. */
const MIN_SALT_FILE_CHARS = 32

/**
 * The key SARIF fingerprints are made under, from the repository rather than this machine, so that every
 * CI runner gives the same fingerprint for the same key: the salt of `saltFile` (a baseline, or a file of at
 * least 32 random characters), else the salt of PATH's default baseline. Null when the repository holds none;
 * `problem` then says why a default baseline that is there could not be used.
 */
export function findRepositorySalt(root: string, saltFile?: string): {salt: RepositorySalt | null; problem?: string} {
  if (saltFile !== undefined) return {salt: {salt: readSaltFile(saltFile), source: saltFile}}
  const file = join(root, DEFAULT_BASELINE_FILE)
  if (!existsSync(file)) return {salt: null}
  try {
    return {salt: {salt: readBaselineFile(file).salt, source: file}}
  } catch (error) {
    return {salt: null, problem: error instanceof UserError ? error.message : `Can't read the baseline ${file}.`}
  }
}

function readSaltFile(file: string): Buffer {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(`Can't read the fingerprint salt file ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')}.`, SALT_HINT)
  }
  // A baseline is a salt file too: its salt is what check already keys by.
  if (text.trimStart().startsWith('{')) return parseBaseline(text, file).salt
  const salt = text.trim()
  if (salt.length < MIN_SALT_FILE_CHARS) throw new UserError(`The fingerprint salt file ${file} is too short: it needs at least ${MIN_SALT_FILE_CHARS} random characters.`, SALT_HINT)
  return Buffer.from(salt, 'utf8')
}

const SALT_HINT = 'Create one with: openssl rand -hex 32 > .outloop-sarif-salt (and commit it), or give a baseline file.'
