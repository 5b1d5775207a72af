import type {ScanConfig} from './config.js'

/** Where a file sits: in a client's folder (tenant), in a shared area, or at the root itself. */
export interface Placement {
  readonly tenant: string | null
  /** The shared area's folder name (`_templates`), or null. */
  readonly area: string | null
}

/** Turns a folder name into a tenant name: lower case, other characters folded to `-`. */
export function tenantNameFromFolder(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '')
  return name === '' ? 'unnamed' : name
}

/** Places a root-relative path (`acme/.env`) in its tenant or shared area. Files directly at the root belong to none. */
export function placePath(relPath: string, config: ScanConfig): Placement {
  const slash = relPath.indexOf('/')
  if (slash === -1) return {tenant: null, area: null}
  const top = relPath.slice(0, slash)
  if (top.startsWith('_') || top.startsWith('.') || config.shared.includes(top)) return {tenant: null, area: top}
  return {tenant: config.tenants[top] ?? tenantNameFromFolder(top), area: null}
}
