import fg from 'fast-glob'
import {realpathSync, statSync} from 'node:fs'
import {isAbsolute, relative, resolve} from 'node:path'

import {ruleById} from '../detectors/index.js'
import {UserError} from '../lib/errors.js'
import {loadFingerprintKey} from '../lib/fingerprint.js'
import {toPosixPath} from '../lib/paths.js'
import type {AccountSighting} from '../scan/accounts.js'
import {analyzeFindings} from '../scan/analyze.js'
import {DEFAULT_IGNORES, DEFAULT_MAX_FILE_SIZE, loadScanConfig} from '../scan/config.js'
import type {FileJobResult} from '../scan/file-job.js'
import {createScanPool, defaultScanThreads} from '../scan/pool.js'
import {SCAN_SCHEMA, type Finding, type FormatProblem, type ScanReport, type SkippedPath} from '../scan/report.js'
import {placePath} from '../scan/tenants.js'
import {walkTree} from '../scan/walk.js'

export interface ScanProgress {
  readonly files: number
  readonly bytes: number
  readonly findings: number
  readonly ms: number
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
}

const PROGRESS_EVERY_MS = 100

/** Scans a tree of client folders and reports every plaintext secret, grouped and weighed. */
export async function scanTree(options: ScanTreeOptions): Promise<ScanReport> {
  const started = performance.now()
  const root = resolve(options.root)
  assertScannableRoot(root, options.root)
  const config = loadScanConfig(root)
  const maxFileSize = options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
  const useDefaults = options.useDefaultIgnores ?? config.useDefaultIgnores
  const ignore = [...(useDefaults ? DEFAULT_IGNORES : []), ...config.ignore, ...(options.ignore ?? []), ...stateFolderIgnore(root, options.home)]
  const {key} = loadFingerprintKey(options.home)

  const findings: Finding[] = []
  const skipped: SkippedPath[] = []
  const formatErrors: FormatProblem[] = []
  const accounts: AccountSighting[] = []
  let files = 0
  let bytes = 0
  let lastProgress = 0
  const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs

  const onResult = (result: FileJobResult): void => {
    if (result.skipped !== undefined) {
      skipped.push({file: result.relPath, reason: result.skipped})
      return
    }
    files++
    bytes += result.bytes
    const placement = placePath(result.relPath, config)
    if (result.formatError) formatErrors.push({file: result.relPath, format: result.format, ...result.formatError})
    for (const found of result.findings) {
      const rule = ruleById(found.ruleId)
      findings.push({
        rule: found.ruleId,
        provider: rule?.provider ?? 'Unknown',
        severity: rule?.severity ?? 'high',
        file: result.relPath,
        line: found.line,
        column: found.column,
        endLine: found.endLine,
        endColumn: found.endColumn,
        tenant: placement.tenant,
        area: placement.area,
        name: found.name,
        fingerprint: found.fingerprint,
        preview: found.preview,
        format: found.format,
        status: 'new',
      })
    }
    if (placement.tenant !== null) for (const a of result.accounts) accounts.push({...a, file: result.relPath, tenant: placement.tenant})
    const now = performance.now()
    if (options.onProgress && now - lastProgress > PROGRESS_EVERY_MS) {
      lastProgress = now
      options.onProgress({files, bytes, findings: findings.length, ms: now - started})
    }
  }

  const pool = createScanPool(options.threads ?? defaultScanThreads(), {fingerprintKey: key, maxFileSize}, onResult)
  for await (const entry of walkTree(root, {realRoot: realpathSync(root), ignore})) {
    if (entry.kind === 'skip') skipped.push({file: entry.relPath, reason: entry.reason})
    else if (performance.now() > deadline) skipped.push({file: entry.relPath, reason: 'timeout'})
    else await pool.add({relPath: entry.relPath, absPath: entry.absPath})
  }
  await pool.finish()

  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  formatErrors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
  const {secrets, risks, tenants} = analyzeFindings(findings, accounts)
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
    stats: {files, bytes, skipped: skipped.length, ms: Math.round(performance.now() - started), findings: findings.length, secrets: secrets.length},
  }
}

/** outloop's own state (OUTLOOP_HOME) is not client content: when it sits inside the root, leave it out. */
function stateFolderIgnore(root: string, home: string): string[] {
  const rel = relative(root, resolve(home))
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return []
  return [`${fg.escapePath(toPosixPath(rel))}/**`]
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
