import {realpathSync, statSync} from 'node:fs'
import {isAbsolute, relative, resolve} from 'node:path'

import {UserError} from '../lib/errors.js'
import {loadFingerprintKey} from '../lib/fingerprint.js'
import {toPosixPath} from '../lib/paths.js'
import type {AccountSighting} from '../scan/accounts.js'
import {analyzeFindings, type ReferenceSighting} from '../scan/analyze.js'
import {DEFAULT_IGNORES, DEFAULT_MAX_FILE_SIZE, loadScanConfig} from '../scan/config.js'
import {classifyAgainstBaseline, type Baseline} from '../baseline/baseline.js'
import type {FileJob, FileJobResult} from '../scan/file-job.js'
import {readJobText} from '../scan/file-read.js'
import {findKnownValues, KNOWN_VALUE_RULE, knownValueNeedles, type KnownSighting, type KnownValue} from '../scan/known-values.js'
import {readFingerprintIndex} from '../vault/fingerprint-index.js'
import {formatSecretRef, tryParseSecretRef} from '../vault/ref.js'
import {isInternalTenant} from '../vault/internal.js'
import type {VaultServiceOptions} from './vault/store.js'
import {createScanPool, defaultScanThreads} from '../scan/pool.js'
import {SCAN_SCHEMA, type AllowedFinding, type Finding, type FormatProblem, type ScanReport, type SkippedPath} from '../scan/report.js'
import {placePath} from '../scan/tenants.js'
import {mergeHistory, type HashedFinding} from '../scan/history.js'
import {createHistoryScan} from './scan-history.js'
import {escapeGlob, ignoreMatcher, walkTree} from '../scan/walk.js'

export interface ScanProgress {
  readonly files: number
  readonly bytes: number
  readonly findings: number
  readonly ms: number
  /** With --history: blobs of history read so far (their bytes are in `bytes`). */
  readonly blobs?: number
}

export interface ScanTreeOptions {
  readonly root: string
  /** OUTLOOP_HOME: where the fingerprint key lives. */
  readonly home: string
  /** Overrides `outloop.yaml`'s maxFileSize. */
  readonly maxFileSize?: number
  readonly ignore?: readonly string[]
  /** False drops the default ignores (`.git`, `node_modules`, …) even when `outloop.yaml` keeps them. */
  readonly useDefaultIgnores?: boolean
  /** Stop reading after this long; what is left is reported as skipped, and the scan as incomplete. */
  readonly timeoutMs?: number
  readonly onProgress?: (progress: ScanProgress) => void
  /** Worker threads to scan on; 1 scans inline. Default: one per core, at most 4. */
  readonly threads?: number
  /** Classify findings against this baseline (status `baselined` or `new`). */
  readonly baseline?: {readonly baseline: Baseline; readonly salt: Buffer; readonly file: string}
  /** Hash findings under this salt (a new baseline's, or the repository's for SARIF); the hashes reach `onBaselineHash`. */
  readonly baselineSalt?: Buffer
  /** Each finding's hash under the baseline's salt (or `baselineSalt`), with the finding object the report holds. */
  readonly onBaselineHash?: (finding: Finding, hash: string) => void
  /** Files to scan instead of walking the root (git's staged or committed content). */
  readonly files?: AsyncIterable<FileJob>
  /** The vault's values (`--known`): every file is also searched for them, on this thread only. */
  readonly known?: readonly KnownValue[]
  /** Also read every blob of the git repositories under the root (`scan --history`). */
  readonly history?: boolean
}

const PROGRESS_EVERY_MS = 100

/** Scans a tree of client folders and reports every plaintext secret, grouped and weighed. */
export async function scanTree(options: ScanTreeOptions): Promise<ScanReport> {
  const started = performance.now()
  const root = resolve(options.root)
  assertScannableRoot(root, options.root)
  const config = await loadScanConfig(root)
  const maxFileSize = options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
  const useDefaults = options.useDefaultIgnores ?? config.useDefaultIgnores
  const ignore = [...(useDefaults ? DEFAULT_IGNORES : []), ...config.ignore, ...(options.ignore ?? []), ...stateFolderIgnore(root, options.home)]
  const {key} = loadFingerprintKey(options.home)
  // Read without unlocking anything: which fingerprints the vault holds, so copies left behind are named.
  const vaultIndex = readFingerprintIndex(options.home)
  const needles = knownValueNeedles(options.known ?? [])
  // Known-value sightings per file, swept here before the file goes to a worker, merged when its result comes back.
  const knownByFile = new Map<string, KnownSighting[]>()

  const found: HashedFinding[] = []
  const allowed: AllowedFinding[] = []
  const skipped: SkippedPath[] = []
  const formatErrors: FormatProblem[] = []
  const accounts: AccountSighting[] = []
  const references: ReferenceSighting[] = []
  // Git history (--history): blobs go through the same pool as files, their results to this collector.
  const history = options.history === true ? createHistoryScan(root, skipped) : null
  let files = 0
  let bytes = 0
  let lastProgress = 0
  const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs

  /** The findings of one scanned text (a file, or a blob of history placed at one of its paths). */
  const findingsOf = (result: FileJobResult & {skipped?: undefined}, relPath: string, sightings: readonly KnownSighting[], isBlob: boolean): HashedFinding[] => {
    const placement = placePath(relPath, config)
    const out: HashedFinding[] = []
    for (const job of result.findings) {
      if (job.allowed) {
        // An allowed line in an old blob was counted when its file was scanned, or is gone: not counted again.
        if (!isBlob) allowed.push({file: relPath, line: job.line, rule: job.ruleId})
        continue
      }
      const finding: Finding = {
        rule: job.ruleId,
        provider: job.provider,
        severity: job.severity,
        file: relPath,
        line: job.line,
        column: job.column,
        endLine: job.endLine,
        endColumn: job.endColumn,
        tenant: placement.tenant,
        area: placement.area,
        name: job.name,
        fingerprint: job.fingerprint,
        preview: job.preview,
        format: job.format,
        status: 'new',
        vaulted: sightingOver(sightings, job)?.ref ?? vaultedRef(vaultIndex, job.fingerprint, placement.tenant),
      }
      out.push({finding, hash: job.baselineHash})
    }
    // A known value a rule found too is that rule's finding (labelled above); the rest no rule recognised.
    for (const sighting of sightings) {
      if (result.findings.some((job) => overlaps(sighting, job))) continue
      const finding: Finding = {
        rule: KNOWN_VALUE_RULE,
        provider: sighting.provider ?? 'Unknown',
        severity: 'high',
        file: relPath,
        line: sighting.line,
        column: sighting.column,
        endLine: sighting.endLine,
        endColumn: sighting.endColumn,
        tenant: placement.tenant,
        area: placement.area,
        name: null,
        fingerprint: sighting.fingerprint,
        preview: sighting.preview,
        format: result.format,
        status: 'new',
        vaulted: sighting.ref,
      }
      out.push({finding, hash: null})
    }
    return out
  }

  const onResult = (result: FileJobResult): void => {
    const jobKey = result.tag ?? result.relPath
    const sightings = knownByFile.get(jobKey) ?? []
    knownByFile.delete(jobKey)
    if (result.tag !== undefined && history !== null) {
      history.onResult(result, (scanned) => findingsOf(scanned, scanned.relPath, sightings, true))
      const now = performance.now()
      if (options.onProgress && now - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = now
        const read = history.summary()
        options.onProgress({files, bytes: bytes + read.bytes, blobs: read.blobs, findings: found.length, ms: now - started})
      }
      return
    }
    if (result.skipped !== undefined) {
      skipped.push({file: result.relPath, reason: result.skipped})
      return
    }
    files++
    bytes += result.bytes
    if (result.blobId !== undefined && history !== null) history.noteFile(result.blobId, result.relPath, result.bytes)
    const placement = placePath(result.relPath, config)
    if (result.formatError) formatErrors.push({file: result.relPath, format: result.format, ...result.formatError})
    // One at a time: a file can hold more findings than a spread may pass as arguments.
    for (const hashed of findingsOf(result, result.relPath, sightings, false)) found.push(hashed)
    if (placement.tenant !== null) for (const a of result.accounts) accounts.push({...a, file: result.relPath, tenant: placement.tenant})
    if (placement.tenant !== null) for (const r of result.references) references.push({...r, file: result.relPath, tenant: placement.tenant})
    const now = performance.now()
    if (options.onProgress && now - lastProgress > PROGRESS_EVERY_MS) {
      lastProgress = now
      options.onProgress({files, bytes, findings: found.length, ms: now - started})
    }
  }

  const baselineSalt = options.baseline?.salt ?? options.baselineSalt ?? null
  const pool = createScanPool(options.threads ?? defaultScanThreads(), {fingerprintKey: key, maxFileSize, baselineSalt, blobIds: history !== null}, onResult)
  // Files from git skip the walker, so the same ignores (defaults, outloop.yaml, --ignore) apply to them here.
  const ignored = options.files === undefined ? null : ignoreMatcher(ignore)
  const entries = options.files ?? walkTree(root, {realRoot: realpathSync(root), ignore})
  try {
    for await (const entry of entries) {
      if ('kind' in entry && entry.kind === 'skip') skipped.push({file: entry.relPath, reason: entry.reason})
      else if (ignored?.(entry.relPath)) continue
      else if (performance.now() > deadline) skipped.push({file: entry.relPath, reason: 'timeout'})
      else {
        if (needles.list.length > 0) sweepKnownValues(entry as FileJob, needles, maxFileSize, knownByFile)
        await pool.add(entry as FileJob)
      }
    }
    if (history !== null) {
      // Every file's result (with its blob id) is in before history is listed, so no blob of a file is read twice.
      await pool.drain()
      const add = async (job: FileJob) => {
        if (needles.list.length > 0) sweepKnownValues(job, needles, maxFileSize, knownByFile)
        await pool.add(job)
      }
      await history.queue({ignored: ignoreMatcher(ignore), maxFileSize, deadline, add})
    }
  } catch (error) {
    // The workers would keep the process alive after a failed walk.
    await pool.abort()
    throw error
  }
  await pool.finish()

  const merged = history === null ? found : mergeHistory(found, history.findings(found), history.repositories(), (path) => placePath(path, config))
  const findings = classify(merged, options)

  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  formatErrors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  allowed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
  const {secrets, risks, tenants} = analyzeFindings(findings, accounts, references)
  const incomplete = skipped.filter((s) => s.reason !== 'binary')
  return {
    schema: SCAN_SCHEMA,
    root,
    complete: incomplete.length === 0,
    tenants,
    risks,
    secrets,
    findings,
    skipped,
    formatErrors,
    allowed,
    baseline: options.baseline ? {file: options.baseline.file, new: findings.filter((f) => f.status === 'new').length, baselined: findings.filter((f) => f.status === 'baselined').length} : null,
    stats: {files, bytes, skipped: skipped.length, ms: Math.round(performance.now() - started), findings: findings.length, secrets: secrets.length, allowed: allowed.length},
    ...(history === null ? {} : {history: history.summary()}),
  }
}

/** Opens the vault and reads the current value of every client entry, for `scan --known` (outloop's own entries left out). */
export async function loadKnownValues(options: VaultServiceOptions): Promise<KnownValue[]> {
  // Loaded here, not at the top: a plain scan (a pre-commit hook) must not pay for the vault backends.
  const {openVaultForService} = await import('./vault/store.js')
  const {store} = openVaultForService(options)
  const known: KnownValue[] = []
  for (const info of await store.list()) {
    if (isInternalTenant(info.ref.tenant)) continue
    const stored = await store.get(info.ref)
    if (stored !== null) known.push({ref: formatSecretRef(info.ref), fingerprint: stored.info.fingerprint, provider: stored.info.provider, value: stored.value})
  }
  return known
}

/** Searches one file for the vault's values, on this thread: the values never cross to a worker. */
function sweepKnownValues(job: FileJob, needles: ReturnType<typeof knownValueNeedles>, maxFileSize: number, into: Map<string, KnownSighting[]>): void {
  const text = readJobText(job, maxFileSize)
  if (text === null) return
  const sightings = findKnownValues(text, needles)
  if (sightings.length > 0) into.set(job.tag ?? job.relPath, sightings)
}

interface Span {
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
}

/** Whether two spans of one file share a character. */
function overlaps(a: Span, b: Span): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2)
  return !before(a.endLine, a.endColumn, b.line, b.column) && !before(b.endLine, b.endColumn, a.line, a.column)
}

/** The known value a rule's finding covers, if any (an encoded copy a rule found as, say, a generic secret). */
function sightingOver(sightings: readonly KnownSighting[], span: Span): KnownSighting | undefined {
  return sightings.find((s) => overlaps(s, span))
}

/** The vault entry holding a value, from the fingerprint index: the finding's own client's when several do. */
function vaultedRef(index: ReadonlyMap<string, readonly string[]>, fingerprint: string, tenant: string | null): string | null {
  const refs = (index.get(fingerprint) ?? []).filter((r) => !isInternalTenant(tryParseSecretRef(r)?.tenant ?? ''))
  if (refs.length === 0) return null
  return refs.find((r) => tenant !== null && r.startsWith(`outloop://${tenant}/`)) ?? refs[0]
}

/** Sorts findings into file order and, against a baseline, marks each `baselined` or `new`. */
function classify(found: HashedFinding[], options: ScanTreeOptions): Finding[] {
  found.sort((a, b) => (a.finding.file < b.finding.file ? -1 : a.finding.file > b.finding.file ? 1 : a.finding.line - b.finding.line || a.finding.column - b.finding.column))
  const statuses = options.baseline
    ? classifyAgainstBaseline(
        options.baseline.baseline,
        found.map(({finding, hash}) => ({file: finding.file, rule: finding.rule, line: finding.line, hash: hash ?? ''})),
      )
    : null
  const findings = found.map(({finding}, i) => (statuses === null ? finding : {...finding, status: statuses[i]}))
  // Handed the findings as reported, so a caller can key the hashes by them (SARIF fingerprints).
  if (options.onBaselineHash) found.forEach(({hash}, i) => hash !== null && options.onBaselineHash?.(findings[i], hash))
  return findings
}

/** outloop's own state (OUTLOOP_HOME) is not client content: when it sits inside the root, leave it out. */
function stateFolderIgnore(root: string, home: string): string[] {
  const rel = relative(root, resolve(home))
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return []
  return [`${escapeGlob(toPosixPath(rel))}/**`]
}

function assertScannableRoot(root: string, given: string): void {
  let isDirectory: boolean
  try {
    isDirectory = statSync(root).isDirectory()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UserError(`Can't scan ${given}: no such folder.`, 'Give the folder that holds your client folders, e.g. outloop scan ~/clients')
    throw new UserError(`Can't scan ${given}: ${code ?? 'unknown error'}.`)
  }
  if (!isDirectory) throw new UserError(`Can't scan ${given}: it is a file, not a folder.`, 'Give the folder that holds your client folders, e.g. outloop scan ~/clients')
}
