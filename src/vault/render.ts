import {formatSecretRef} from './ref.js'
import type {SecretEntryInfo, SecretVersionInfo, VaultBackendKind} from './types.js'

/** JSON schema names of the vault commands' machine output. */
export const VAULT_LIST_SCHEMA = 'outloop.vault-list/v1'
export const VAULT_ENTRY_SCHEMA = 'outloop.vault-entry-info/v1'
export const VAULT_HISTORY_SCHEMA = 'outloop.vault-history/v1'
export const VAULT_SET_SCHEMA = 'outloop.vault-set/v1'
export const VAULT_ROTATE_SCHEMA = 'outloop.vault-rotate/v1'
export const VAULT_RM_SCHEMA = 'outloop.vault-rm/v1'

/** An entry's metadata as JSON-ready data (never a value). */
export function entryInfoToJson(info: SecretEntryInfo): Record<string, unknown> {
  return {
    ref: formatSecretRef(info.ref),
    tenant: info.ref.tenant,
    name: info.ref.name,
    provider: info.provider,
    fingerprint: info.fingerprint,
    version: info.version,
    versions: info.versions,
    createdAt: info.createdAt,
    updatedAt: info.updatedAt,
    sources: {files: [...info.sources.files], count: info.sources.count},
  }
}

function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, 'Z')
}

/** `vault list` as a table: one line per entry, grouped by tenant. */
export function renderVaultListText(entries: readonly SecretEntryInfo[], where: {backend: VaultBackendKind; location: string}): string {
  if (entries.length === 0) return `No entries in ${where.location}.\n`
  const rows = entries.map((e) => [formatSecretRef(e.ref), e.provider ?? '-', `v${e.version}`, shortTime(e.updatedAt), e.fingerprint.slice(0, 12)])
  const header = ['REF', 'PROVIDER', 'VERSION', 'UPDATED', 'FINGERPRINT']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')
  const tenants = new Set(entries.map((e) => e.ref.tenant)).size
  return [line(header), ...rows.map(line), '', `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} for ${tenants} ${tenants === 1 ? 'tenant' : 'tenants'} in ${where.location}.`, ''].join('\n')
}

/** `vault get` without --reveal: what is known about the entry. */
export function renderVaultEntryText(info: SecretEntryInfo): string {
  const sources = info.sources.count === 0 && info.sources.files.length === 0 ? '-' : `${info.sources.count} ${info.sources.count === 1 ? 'occurrence' : 'occurrences'} in ${info.sources.files.join(', ') || '(files not recorded)'}`
  return [
    formatSecretRef(info.ref),
    `  provider     ${info.provider ?? '-'}`,
    `  fingerprint  ${info.fingerprint}`,
    `  version      ${info.version} (${info.versions} kept)`,
    `  created      ${shortTime(info.createdAt)}`,
    `  updated      ${shortTime(info.updatedAt)}`,
    `  sources      ${sources}`,
    '',
  ].join('\n')
}

/** `vault history`: the kept versions, newest first. */
export function renderVaultHistoryText(info: SecretEntryInfo, history: readonly SecretVersionInfo[]): string {
  const lines = [`${formatSecretRef(info.ref)}: ${history.length} ${history.length === 1 ? 'version' : 'versions'} kept`]
  for (const v of history) lines.push(`  v${String(v.version).padEnd(4)} ${shortTime(v.createdAt)}  ${v.fingerprint.slice(0, 12)}${v.version === info.version ? '  (current)' : ''}`)
  return lines.join('\n') + '\n'
}
