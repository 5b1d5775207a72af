import {isAscii} from 'node:buffer'
import {createHash} from 'node:crypto'
import {closeSync, readSync} from 'node:fs'

import {baselineHash} from '../baseline/baseline.js'
import {ruleById} from '../detectors/index.js'
import {fingerprintSecret} from '../lib/fingerprint.js'
import {findSecretRefs, SECRET_REF_SCHEME} from '../vault/ref.js'
import {findAccountNames} from './accounts.js'
import {isCopiedPlace} from './analyze.js'
import {readFileBytes, WINDOWED_FROM} from './file-read.js'
import {scanFileText, type FileFinding} from './file-scan.js'
import type {Severity} from './report.js'
import {decodeFileText} from './text-decode.js'
import {formatById} from '../formats/index.js'
import type {FormatError} from '../formats/types.js'

/** Larger JSON or YAML is data, not configuration. */
const MAX_ACCOUNT_CONFIG = 256 * 1024

export interface FileJob {
  readonly relPath: string
  readonly absPath: string
  /** The content, when it comes from somewhere other than the file on disk (git's index or a commit). */
  readonly content?: Uint8Array
  /** Carried back on the result: which blob of git history this is (many blobs share a path). */
  readonly tag?: string
}

/** A finding as it leaves a file scan: the file finding's position and preview, a fingerprint instead of the value. Safe to pass between threads. */
export type JobFinding = Pick<FileFinding, 'ruleId' | 'name' | 'line' | 'column' | 'endLine' | 'endColumn' | 'preview' | 'format' | 'allowed'> & {
  readonly fingerprint: string
  /** The rule's provider and severity, looked up here so the main thread needn't load the rule tables. */
  readonly provider: string
  readonly severity: Severity
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
  | {readonly relPath: string; readonly tag?: string; readonly skipped: 'unreadable' | 'too-large' | 'binary' | 'scan-error'}
  | {
      readonly relPath: string
      readonly tag?: string
      readonly skipped?: undefined
      readonly bytes: number
      readonly format: string
      readonly formatError?: FormatError
      readonly findings: readonly JobFinding[]
      readonly accounts: readonly JobAccount[]
      readonly references: readonly JobReference[]
      /** With `FileJobContext.blobIds`: the id git would give this file's bytes (`git hash-object`). */
      readonly blobId?: string
    }

export interface FileJobContext {
  readonly fingerprintKey: Buffer
  readonly maxFileSize: number
  readonly baselineSalt: Buffer | null
  /** Also compute each file's git blob id (`scan --history`), so history's copies of it are not scanned again. */
  readonly blobIds?: boolean
}

/** Files past WINDOWED_FROM (file-read.ts) are scanned in windows; re-exported for tests. */
export {WINDOWED_FROM}
/** A window's own share of the file; each window also reads a margin before and after it. */
const WINDOW_BYTES = 4 * 1024 * 1024
/** Context before a window's share: the line above (for `outloop:allow`) and the start of a long line. */
const WINDOW_BEFORE = 64 * 1024
/** Reach past a window's share: a key that starts inside it ends inside this (PEM blocks are under 7 KB; multi-line rules look 64 KB on). */
const WINDOW_AFTER = 128 * 1024

/** Reads one file and scans it. The secret values never leave this function: only fingerprints and previews do. */
export function runFileJob(job: FileJob, context: FileJobContext): FileJobResult {
  const read = job.content === undefined ? readFileBytes(job.absPath, context.maxFileSize) : job.content
  if ('windowed' in read) return scanFileInWindows(job, context, read.windowed, read.size)
  if (!(read instanceof Uint8Array)) return {relPath: job.relPath, skipped: read.reason}
  if (read.byteLength > context.maxFileSize) return {relPath: job.relPath, skipped: 'too-large'}
  const text = decodeFileText(read)
  if (text === null) return {relPath: job.relPath, skipped: 'binary'}
  // UTF-16 files decode to half as many characters as bytes, so only UTF-8 ever passes the pre-filter's one-to-one check.
  const result = scanFileText(job.relPath, text, read)
  const findings = result.findings.map((f) => jobFinding(f, context))
  // Account names matter in configs (where a client's own accounts are named) and in copied skills and
  // notes (where another client's show up); source code, data files and logs would only add noise and time.
  const accounts = isCopiedPlace(job.relPath) || (formatById(result.format)?.namesAccounts === true && text.length <= MAX_ACCOUNT_CONFIG) ? accountsIn(text) : []
  // Placeholders say whose entry a file points at: another client's marks a copy (cheap: most files have none).
  const references = referencesIn(text)
  const blobId = context.blobIds === true && job.content === undefined ? gitBlobId(read) : undefined
  return {relPath: job.relPath, bytes: read.byteLength, format: result.format, formatError: result.formatError, findings, accounts, references, ...(blobId === undefined ? {} : {blobId})}
}

/**
 * Scans a large file window by window, as plain text (its format's parser would need it whole). Windows
 * overlap: each owns the lines of its share and reads margins around it, so a key across a boundary is
 * found whole, once, by the window whose share it starts in. Lines and columns are the file's.
 */
function scanFileInWindows(job: FileJob, context: FileJobContext, fd: number, size: number): FileJobResult {
  try {
    const buffer = Buffer.allocUnsafe(WINDOW_BEFORE + WINDOW_BYTES + WINDOW_AFTER)
    const readAt = (position: number, length: number): Buffer => {
      let done = 0
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, position + done)
        if (n === 0) break
        done += n
      }
      return buffer.subarray(0, done)
    }
    const head = readAt(0, Math.min(size, 8000))
    // Binary is skipped as anywhere; a file this large in UTF-16 is reported too large (its windows would need its byte order).
    const sniffed = decodeFileText(head)
    if (sniffed === null) return {relPath: job.relPath, skipped: 'binary'}
    if (sniffed !== head.toString('utf8')) return {relPath: job.relPath, skipped: 'too-large'}

    const findings: JobFinding[] = []
    const accounts: JobAccount[] = []
    const references: JobReference[] = []
    const copiedPlace = isCopiedPlace(job.relPath)
    // The shares partition the file, so git's blob id is their hash in order.
    const blob = context.blobIds === true ? createHash('sha1').update(`blob ${size}\u0000`) : null
    // Each window is read from its first byte (a line start in the margin before its share, where there is one).
    // Lines before that byte, and where the line holding it starts (columns on a line cut by the margin).
    let windowStart = 0
    let linesBefore = 0
    let lastLineStart = 0
    for (let share = 0; share < size; ) {
      const bytes = readAt(windowStart, Math.min(size, share + WINDOW_BYTES + WINDOW_AFTER) - windowStart)
      const shareAt = share - windowStart
      // The share ends at a line start a little past its nominal end (all of the file in the last window).
      const nominal = shareAt + WINDOW_BYTES
      const shareEnd =
        windowStart + bytes.length >= size && nominal >= bytes.length
          ? bytes.length
          : (lineStartAfter(bytes, nominal, Math.min(bytes.length, nominal + WINDOW_AFTER / 2)) ?? charBoundary(bytes, nominal))
      const atEnd = windowStart + bytes.length >= size
      const end = atEnd ? bytes.length : Math.max(shareEnd, bytes.lastIndexOf(10) + 1 || charBoundary(bytes, bytes.length))
      const window = bytes.subarray(0, end)
      // ASCII decodes as Latin-1 into a string V8 keeps outside its heap, which it frees under memory pressure
      // rather than after its heap has grown by a dozen windows' worth.
      const text = isAscii(window) ? window.toString('latin1') : window.toString('utf8')
      // The share's bounds in characters of the window's text (they differ from bytes where the text is not ASCII).
      const ownFrom = shareAt === 0 ? 0 : window.subarray(0, shareAt).toString('utf8').length
      const ownTo = shareEnd >= end ? text.length : text.length - window.subarray(shareEnd).toString('utf8').length
      const owned = (offset: number): boolean => offset >= ownFrom && offset < ownTo
      const shift = windowStart - lastLineStart
      const place = (line: number, column: number): {line: number; column: number} => ({line: linesBefore + line, column: line === 1 ? column + shift : column})
      for (const f of scanFileText(job.relPath, text, window, {plain: true}).findings) {
        if (!owned(f.start)) continue
        const at = place(f.line, f.column)
        const to = place(f.endLine, f.endColumn)
        findings.push(jobFinding({...f, line: at.line, column: at.column, endLine: to.line, endColumn: to.column}, context))
      }
      blob?.update(window.subarray(shareAt, shareEnd))
      if (copiedPlace) for (const a of accountsAt(text, owned)) accounts.push({...a, line: linesBefore + a.line})
      for (const r of referencesAt(text, owned)) references.push({...r, line: linesBefore + r.line})
      if (shareEnd >= bytes.length && atEnd) break
      // The next window starts at the first line start in the margin before the next share.
      const nextShare = windowStart + shareEnd
      const marginAt = Math.max(0, shareEnd - WINDOW_BEFORE)
      const next = lineStartAfter(bytes, marginAt, shareEnd) ?? charBoundary(bytes, marginAt)
      for (let i = bytes.indexOf(10); i !== -1 && i < next; i = bytes.indexOf(10, i + 1)) {
        linesBefore++
        lastLineStart = windowStart + i + 1
      }
      windowStart += next
      share = nextShare
    }
    return {relPath: job.relPath, bytes: size, format: 'text', findings, accounts, references, ...(blob === null ? {} : {blobId: blob.digest('hex')})}
  } catch {
    return {relPath: job.relPath, skipped: 'unreadable'}
  } finally {
    closeSync(fd)
  }
}

/** The offset after the first line feed in `bytes[from, to)`, or null. */
function lineStartAfter(bytes: Buffer, from: number, to: number): number | null {
  const at = bytes.indexOf(10, from)
  return at === -1 || at >= to ? null : at + 1
}

/** `offset`, moved back to the start of the UTF-8 sequence it falls in (a window never splits a character). */
function charBoundary(bytes: Buffer, offset: number): number {
  let at = Math.min(offset, bytes.length)
  for (let back = 0; back < 3 && at > 0 && at < bytes.length && (bytes[at] & 0xc0) === 0x80; back++) at--
  return at
}

function jobFinding(f: FileFinding, context: FileJobContext): JobFinding {
  const rule = ruleById(f.ruleId)
  return {
    ruleId: f.ruleId,
    provider: rule?.provider ?? 'Unknown',
    severity: rule?.severity ?? 'high',
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
  }
}

/** The SHA-1 object id git gives these bytes as a blob (a SHA-256 repository's ids never equal it: no match, no harm). */
function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\u0000`).update(bytes).digest('hex')
}

/** runFileJob, with a bug in one file's scan reported as that file not scanned instead of stopping the others. */
export function runFileJobSafely(job: FileJob, context: FileJobContext): FileJobResult {
  let result: FileJobResult
  try {
    result = runFileJob(job, context)
  } catch {
    result = {relPath: job.relPath, skipped: 'scan-error'}
  }
  return job.tag === undefined ? result : {...result, tag: job.tag}
}

function accountsIn(text: string): JobAccount[] {
  return accountsAt(text, () => true)
}

/** The account names at offsets `keep` accepts, with their lines. */
function accountsAt(text: string, keep: (offset: number) => boolean): JobAccount[] {
  const names = findAccountNames(text).filter((n) => keep(n.offset))
  if (names.length === 0) return []
  const lines = lineNumbers(text, names.map((n) => n.offset))
  return names.map((n, i) => ({account: n.account, kind: n.kind, line: lines[i]}))
}

function referencesIn(text: string): JobReference[] {
  return referencesAt(text, () => true)
}

/** The placeholders at offsets `keep` accepts, with their lines. */
function referencesAt(text: string, keep: (offset: number) => boolean): JobReference[] {
  const refs = text.includes(SECRET_REF_SCHEME) ? findSecretRefs(text).filter((r) => keep(r.start)) : []
  const refLines = lineNumbers(text, refs.map((r) => r.start))
  return refs.map((r, i) => ({owner: r.ref.tenant, name: r.ref.name, line: refLines[i]}))
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
