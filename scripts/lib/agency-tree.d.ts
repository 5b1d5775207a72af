// Types for the plain-JS tree builder, so TypeScript tests can import it without allowJs.

/** Where a planted value sits: 1-based line and column of its first character, end exclusive. */
export interface TruthLocation {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
}

export interface TruthSecret extends TruthLocation {
  readonly provider: string
  readonly oracle: string
  readonly value: string
  readonly encoding: 'raw' | 'base64'
  readonly tenant: string | null
  readonly owner: string | null
}

export interface TruthDecoy extends TruthLocation {
  readonly kind: string
  readonly name: string | null
  readonly value: string
  readonly ignored: boolean
}

export interface TruthRisk {
  readonly type: 'duplicate' | 'cross-client' | 'shared-area' | 'foreign-tenant'
  readonly tenant?: string
  readonly tenants?: string[]
  readonly owner?: string
  readonly file?: string
  /** Every file holding the value (duplicate: within the tenant). */
  readonly files?: string[]
  readonly provider?: string
  readonly withKey?: boolean
}

export interface AgencyTreeTruth {
  readonly clients: string[]
  readonly files: number
  readonly bytes: number
  readonly secrets: TruthSecret[]
  readonly decoys: TruthDecoy[]
  readonly risks: TruthRisk[]
  readonly uniqueSecrets: number
}

export const DEFAULT_CLIENTS: string[]
export const CLIENT_POOL: string[]
export function pickClientNames(n: number, seed: number): string[]
export function buildAgencyTree(root: string, options?: {clients?: string[]; seed?: number; scale?: number}): {scanRoot: string; truth: AgencyTreeTruth}
