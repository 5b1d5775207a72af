import type {SkipReason} from './walk.js'

export const SCAN_SCHEMA = 'outloop.scan/v1'

export type Severity = 'critical' | 'high' | 'medium' | 'low'

/** One plaintext secret at one place. Holds no value: a keyed fingerprint and a redacted preview only. */
export interface Finding {
  readonly rule: string
  readonly provider: string
  readonly severity: Severity
  /** Relative to the scan root, `/` separators. */
  readonly file: string
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  /** The client folder's tenant, or null in shared areas and at the root. */
  readonly tenant: string | null
  /** The shared area (`_templates`), or null. */
  readonly area: string | null
  readonly name: string | null
  readonly fingerprint: string
  readonly preview: string
  readonly format: string
  readonly status: 'new' | 'baselined'
  /** The vault entry whose current value this is (`outloop://acme/x`): a copy left behind. Null when the vault holds no such value. */
  readonly vaulted: string | null
  /** With `scan --history`: where the value is in git history, or null when no commit holds it. Absent otherwise. */
  readonly history?: FindingHistory | null
}

/** Where a value sits in one repository's git history. Commit ids and paths only, never content. */
export interface FindingHistory {
  /** The repository's folder relative to the scan root ('' for the root's own). */
  readonly repository: string
  /** The commits that added the value (full ids, newest first). */
  readonly commits: readonly string[]
  /** The paths it was added at, relative to the scan root, newest first. */
  readonly paths: readonly string[]
  /** Whether the repository's working tree still holds the value; false for a key only history has. */
  readonly inWorkingTree: boolean
}

export interface Occurrence {
  readonly file: string
  readonly line: number
}

/** All findings of one value. */
export interface SecretGroup {
  readonly fingerprint: string
  readonly rule: string
  readonly provider: string
  readonly severity: Severity
  readonly preview: string
  readonly tenants: readonly string[]
  readonly areas: readonly string[]
  readonly crossClient: boolean
  /** The tenant the key belongs to, when the tree says (it is at home there and only copied elsewhere). */
  readonly owner: string | null
  /** The vault entry holding this value, when the vault holds it (every occurrence is then a copy left behind). */
  readonly vaulted: string | null
  readonly occurrences: readonly Occurrence[]
}

export type RiskType = 'foreign-tenant' | 'foreign-reference' | 'cross-client' | 'foreign-account' | 'git-history' | 'shared-area' | 'duplicate'

export interface Risk {
  readonly type: RiskType
  readonly severity: Severity
  readonly message: string
  /** The tenant the risk sits in (null for shared areas). */
  readonly tenant: string | null
  /** For foreign-tenant, foreign-reference and foreign-account: whose key or account it is. */
  readonly owner: string | null
  readonly fingerprint: string | null
  readonly files: readonly string[]
}

export interface TenantSummary {
  readonly tenant: string
  /** Occurrences of keys in the tenant's folder. */
  readonly keys: number
  /** Distinct values among them. */
  readonly unique: number
  /** Distinct values found more than once in the folder. */
  readonly duplicated: number
  /** Distinct values also found in another client's folder. */
  readonly crossClient: number
  /** Distinct values that belong to another client. */
  readonly foreign: number
}

export interface SkippedPath {
  readonly file: string
  readonly reason: SkipReason
}

export interface FormatProblem {
  readonly file: string
  readonly format: string
  readonly line: number
  readonly column: number
  readonly reason: string
}

/** A finding an `outloop:allow` comment marks as known documentation or test data: counted, never failed. */
export interface AllowedFinding {
  readonly file: string
  readonly line: number
  readonly rule: string
}

/** How the findings compare with a baseline, when one was given. */
export interface BaselineSummary {
  readonly file: string
  readonly new: number
  readonly baselined: number
}

export interface ScanStats {
  readonly files: number
  readonly bytes: number
  /** Paths not read, binary files included. */
  readonly skipped: number
  readonly ms: number
  readonly findings: number
  readonly secrets: number
  readonly allowed: number
}

/** What `scan --history` read of git history. */
export interface HistorySummary {
  /** The repositories' folders relative to the scan root ('' for the root's own). */
  readonly repositories: readonly string[]
  /** Distinct blobs scanned (each once, however many commits hold it) and their bytes. */
  readonly blobs: number
  readonly bytes: number
  /** Of those, blobs identical to a file of the tree: that file's scan stands for them, they are not read twice. */
  readonly unchanged: number
}

/** What `outloop scan` reports; JSON output is exactly this object. */
export interface ScanReport {
  readonly schema: typeof SCAN_SCHEMA
  readonly root: string
  /** False when anything that should have been read was not (see `skipped`). */
  readonly complete: boolean
  readonly tenants: readonly TenantSummary[]
  readonly risks: readonly Risk[]
  readonly secrets: readonly SecretGroup[]
  readonly findings: readonly Finding[]
  readonly skipped: readonly SkippedPath[]
  readonly formatErrors: readonly FormatProblem[]
  readonly allowed: readonly AllowedFinding[]
  readonly baseline: BaselineSummary | null
  readonly stats: ScanStats
  /** Present with `scan --history` only. */
  readonly history?: HistorySummary
}
