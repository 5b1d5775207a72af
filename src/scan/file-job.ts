import {closeSync, fstatSync, openSync, readSync} from 'node:fs'

import {baselineHash} from '../baseline/baseline.js'
import {fingerprintSecret} from '../lib/fingerprint.js'
import {findSecretRefs, SECRET_REF_SCHEME} from '../vault/ref.js'
import {findAccountNames} from './accounts.js'
import {isCopiedPlace} from './analyze.js'
import {scanFileText, type FileFinding} from './file-scan.js'
import {decodeFileText} from './text-decode.js'
import type {FormatError} from '../formats/types.js'

/** Formats in which a client names its own accounts: env files and agent, container and CI configs. */
const ACCOUNT_FORMATS = new Set(['dotenv', 'compose', 'yaml', 'github-actions', 'kubernetes', 'toml', 'json', 'ini', 'properties', 'systemd', 'crontab', 'dockerfile', 'skill', 'notes'])
/** Larger JSON or YAML is data, not configuration. */
const MAX_ACCOUNT_CONFIG = 256 * 1024

export interface FileJob {
  readonly relPath: string
  readonly absPath: string
  /** The content, when it comes from somewhere other than the file on disk (git's index or a commit). */
  readonly content?: Uint8Array
}

/** A finding as it leaves a file scan: the file finding's position and preview, a fingerprint instead of the value. Safe to pass between threads. */
export type JobFinding = Pick<FileFinding, 'ruleId' | 'name' | 'line' | 'column' | 'endLine' | 'endColumn' | 'preview' | 'format' | 'allowed'> & {
  readonly fingerprint: string
  /** The value's HMAC under the baseline's salt, when scanning against or for a baseline. */
  readonly baselineHash: string | null
}

export interface JobAccount {
  readonly account: string
  readonly kind: string
  readonly line: number
}

/** A placeholder in the file: the client and entry it names (never a value). */
export interface JobReference {
  readonly owner: string
  readonly name: string
  readonly line: number
}

export type FileJobResult =
  | {readonly relPath: string; readonly skipped: 'unreadable' | 'too-large' | 'binary' | 'scan-error'}
  | {
      readonly relPath: string
      readonly skipped?: undefined
      readonly bytes: number
      readonly format: string
      readonly formatError?: FormatError
      readonly findings: readonly JobFinding[]
      readonly accounts: readonly JobAccount[]
      readonly references: readonly JobReference[]
    }

export interface FileJobContext {
  readonly fingerprintKey: Buffer
  readonly maxFileSize: number
  readonly baselineSalt: Buffer | null
}

/** Reads one file and scans it. The secret values never leave this function: only fingerprints and previews do. */
export function runFileJob(job: FileJob, context: FileJobContext): FileJobResult {
  const read = job.content === undefined ? readFileBytes(job.absPath, context.maxFileSize) : job.content
  if (!(read instanceof Uint8Array)) return {relPath: job.relPath, skipped: read.reason}
  if (read.byteLength > context.maxFileSize) return {relPath: job.relPath, skipped: 'too-large'}
  const text = decodeFileText(read)
  if (text === null) return {relPath: job.relPath, skipped: 'binary'}
  // UTF-16 files decode to half as many characters as bytes, so only UTF-8 ever passes the pre-filter's one-to-one check.
  const result = scanFileText(job.relPath, text, read)
  const findings = result.findings.map(
    (f): JobFinding => ({
      ruleId: f.ruleId,
      name: f.name,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      fingerprint: fingerprintSecret(context.fingerprintKey, f.secret),
      preview: f.preview,
      format: f.format,
      allowed: f.allowed,
      baselineHash: context.baselineSalt === null ? null : baselineHash(context.baselineSalt, f.secret),
    }),
  )
  // Account names matter in configs (where a client's own accounts are named) and in copied skills and
  // notes (where another client's show up); source code, data files and logs would only add noise and time.
  const accounts = isCopiedPlace(job.relPath) || (ACCOUNT_FORMATS.has(result.format) && text.length <= MAX_ACCOUNT_CONFIG) ? accountsIn(text) : []
  // Placeholders say whose entry a file points at: another client's marks a copy (cheap: most files have none).
  const refs = text.includes(SECRET_REF_SCHEME) ? findSecretRefs(text) : []
  const refLines = lineNumbers(text, refs.map((r) => r.start))
  const references = refs.map((r, i) => ({owner: r.ref.tenant, name: r.ref.name, line: refLines[i]}))
  return {relPath: job.relPath, bytes: read.byteLength, format: result.format, formatError: result.formatError, findings, accounts, references}
}

/**
 * A file's text as runFileJob reads it (same size limit, same decoding), or null when runFileJob would skip
 * it: for the known-value sweep, which runs on the main thread so vault values never reach a worker.
 */
export function readJobText(job: FileJob, maxFileSize: number): string | null {
  const read = job.content === undefined ? readFileBytes(job.absPath, maxFileSize) : job.content
  if (!(read instanceof Uint8Array) || read.byteLength > maxFileSize) return null
  return decodeFileText(read)
}

/** runFileJob, with a bug in one file's scan reported as that file not scanned instead of stopping the others. */
export function runFileJobSafely(job: FileJob, context: FileJobContext): FileJobResult {
  try {
    return runFileJob(job, context)
  } catch {
    return {relPath: job.relPath, skipped: 'scan-error'}
  }
}

function accountsIn(text: string): JobAccount[] {
  const names = findAccountNames(text)
  if (names.length === 0) return []
  const lines = lineNumbers(text, names.map((n) => n.offset))
  return names.map((n, i) => ({account: n.account, kind: n.kind, line: lines[i]}))
}

/**
 * The 1-based line of each offset, given in file order: one cursor counts the lines, where counting from the
 * top for each took minutes on a notes file holding a few hundred thousand account names.
 */
function lineNumbers(text: string, offsets: readonly number[]): number[] {
  let line = 1
  let counted = 0
  return offsets.map((offset) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++
      counted = i + 1
    }
    return line
  })
}

/** Reads a file's bytes, or says why not. */
function readFileBytes(path: string, maxSize: number): Buffer | {reason: 'unreadable' | 'too-large'} {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return {reason: 'unreadable'}
  }
  try {
    const {size} = fstatSync(fd)
    if (size > maxSize) return {reason: 'too-large'}
    const buffer = Buffer.allocUnsafe(size)
    let read = 0
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return buffer.subarray(0, read)
  } catch {
    return {reason: 'unreadable'}
  } finally {
    closeSync(fd)
  }
}
