import {createHmac, randomBytes} from 'node:crypto'

import {UserError} from '../lib/errors.js'
import type {SecretValue} from '../lib/secret-value.js'

export const BASELINE_SCHEMA = 'outloop.baseline/v1'
const SALT_BYTES = 32

/**
 * One known secret in one file. Identity is (file, rule, hash), never the line: moving or reformatting
 * lines changes nothing, while a rotated value, a second copy in a file or a copy in a new file is new.
 */
export interface BaselineEntry {
  readonly file: string
  readonly rule: string
  /** HMAC-SHA256 of the value under the baseline's salt, 128 bits in hex. */
  readonly hash: string
  readonly count: number
}

export interface Baseline {
  readonly schema: typeof BASELINE_SCHEMA
  /** Random, per baseline file: the hashes mean nothing without it, and the file is safe to commit. */
  readonly salt: string
  readonly entries: readonly BaselineEntry[]
}

/** A fresh random salt for a new baseline. */
export function newBaselineSalt(): Buffer {
  return randomBytes(SALT_BYTES)
}

/** The baseline hash of a secret under a salt. */
export function baselineHash(salt: Buffer, secret: SecretValue): string {
  return createHmac('sha256', salt).update(secret.reveal()).digest('hex').slice(0, 32)
}

/** The key an entry is counted under. */
export function baselineKey(file: string, rule: string, hash: string): string {
  return `${file}\u0000${rule}\u0000${hash}`
}

/** Builds a baseline from hashed findings: one entry per (file, rule, hash) with its count, sorted. */
export function buildBaseline(salt: Buffer, findings: ReadonlyArray<{file: string; rule: string; hash: string}>): Baseline {
  const counts = new Map<string, BaselineEntry>()
  for (const f of findings) {
    const key = baselineKey(f.file, f.rule, f.hash)
    const entry = counts.get(key)
    counts.set(key, {file: f.file, rule: f.rule, hash: f.hash, count: (entry?.count ?? 0) + 1})
  }
  const entries = [...counts.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.hash < b.hash ? -1 : 1))
  return {schema: BASELINE_SCHEMA, salt: salt.toString('base64'), entries}
}

/** Parses and validates a baseline file's text; anything off is a UserError (exit 2), never a silent pass. */
export function parseBaseline(text: string, source: string): {baseline: Baseline; salt: Buffer} {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new UserError(`Can't read the baseline ${source}: it is not valid JSON.`, 'Recreate it with: outloop baseline --output ' + source)
  }
  const record = data as Partial<Baseline> | null
  if (typeof record !== 'object' || record === null || typeof record.schema !== 'string') {
    throw new UserError(`Can't read the baseline ${source}: it is not an outloop baseline.`, 'Recreate it with: outloop baseline --output ' + source)
  }
  if (record.schema !== BASELINE_SCHEMA) {
    throw new UserError(`Can't use the baseline ${source}: it is ${record.schema}, and this outloop reads ${BASELINE_SCHEMA}.`, 'Upgrade outloop, or recreate the baseline with: outloop baseline --output ' + source)
  }
  const salt = typeof record.salt === 'string' ? Buffer.from(record.salt, 'base64') : Buffer.alloc(0)
  if (salt.length < 16 || !Array.isArray(record.entries)) {
    throw new UserError(`Can't read the baseline ${source}: its salt or entries are missing.`, 'Recreate it with: outloop baseline --output ' + source)
  }
  for (const entry of record.entries) {
    const ok =
      typeof entry === 'object' && entry !== null && typeof entry.file === 'string' && typeof entry.rule === 'string' && /^[0-9a-f]{32}$/.test(String(entry.hash)) && Number.isInteger(entry.count) && entry.count > 0
    if (!ok) throw new UserError(`Can't read the baseline ${source}: an entry is malformed.`, 'Recreate it with: outloop baseline --output ' + source)
  }
  return {baseline: record as Baseline, salt}
}

/**
 * Marks each finding baselined or new: per (file, rule, hash), the first `count` findings (in line order)
 * are known and any beyond them are new. Returns the statuses in the order given.
 */
export function classifyAgainstBaseline(baseline: Baseline, findings: ReadonlyArray<{file: string; rule: string; hash: string; line: number}>): Array<'new' | 'baselined'> {
  const remaining = new Map(baseline.entries.map((e) => [baselineKey(e.file, e.rule, e.hash), e.count]))
  const order = findings.map((f, i) => ({f, i})).sort((a, b) => a.f.line - b.f.line)
  const statuses: Array<'new' | 'baselined'> = new Array(findings.length)
  for (const {f, i} of order) {
    const key = baselineKey(f.file, f.rule, f.hash)
    const left = remaining.get(key) ?? 0
    statuses[i] = left > 0 ? 'baselined' : 'new'
    if (left > 0) remaining.set(key, left - 1)
  }
  return statuses
}
