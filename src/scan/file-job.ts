import {closeSync, fstatSync, openSync, readSync} from 'node:fs'

import {baselineHash} from '../baseline/baseline.js'
import {fingerprintSecret} from '../lib/fingerprint.js'
import {findSecretRefs, SECRET_REF_SCHEME} from '../vault/ref.js'
import {findAccountNames} from './accounts.js'
import {isCopiedPlace} from './analyze.js'
import {scanFileText, type FileFinding} from './file-scan.js'
import type {FormatError} from '../formats/types.js'

/** Formats in which a client names its own accounts: env files and agent, container and CI configs. */
const ACCOUNT_FORMATS = new Set(['dotenv', 'compose', 'yaml', 'github-actions', 'kubernetes', 'toml', 'json', 'ini', 'properties', 'systemd', 'crontab', 'dockerfile', 'skill', 'notes'])
/** Larger JSON or YAML is data, not configuration. */
const MAX_ACCOUNT_CONFIG = 256 * 1024

/** Bytes looked at to tell binary from text: a NUL among them means binary, as git and ripgrep decide. */
const SNIFF_BYTES = 8000

export interface FileJob {
  readonly relPath: string
  readonly absPath: string
  /** The content, when it comes from somewhere other than the file on disk (git's index or a commit). */
  readonly text?: string
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
  const text = job.text === undefined ? readTextFile(job.absPath, context.maxFileSize) : checkText(job.text, context.maxFileSize)
  if (typeof text !== 'string') return {relPath: job.relPath, skipped: text.reason}
  const result = scanFileText(job.relPath, text)
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
  const references = text.includes(SECRET_REF_SCHEME) ? findSecretRefs(text).map((r) => ({owner: r.ref.tenant, name: r.ref.name, line: lineOf(text, r.start)})) : []
  return {relPath: job.relPath, bytes: Buffer.byteLength(text), format: result.format, formatError: result.formatError, findings, accounts, references}
}

/** Applies the size and binary checks to content that did not come from disk. */
function checkText(text: string, maxSize: number): string | {reason: 'too-large' | 'binary'} {
  if (Buffer.byteLength(text) > maxSize) return {reason: 'too-large'}
  if (text.slice(0, SNIFF_BYTES).includes('\u0000')) return {reason: 'binary'}
  return text
}

function accountsIn(text: string): JobAccount[] {
  const names = findAccountNames(text)
  if (names.length === 0) return []
  return names.map((n) => ({account: n.account, kind: n.kind, line: lineOf(text, n.offset)}))
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}

/** Reads a file as UTF-8 text, or says why not. Invalid UTF-8 decodes to replacement characters; keys are ASCII. */
function readTextFile(path: string, maxSize: number): string | {reason: 'unreadable' | 'too-large' | 'binary'} {
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
    const data = buffer.subarray(0, read)
    if (data.subarray(0, SNIFF_BYTES).includes(0)) return {reason: 'binary'}
    return data.toString('utf8')
  } catch {
    return {reason: 'unreadable'}
  } finally {
    closeSync(fd)
  }
}
