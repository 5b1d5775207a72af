import {existsSync, lstatSync, readdirSync, rmdirSync} from 'node:fs'
import {join} from 'node:path'

import {acquireFileLockSync, FileLockBusyError} from '../vault/fs-safe.js'

/** The registry of clients; a dot name, since no tenant's log can be called that. */
export const AUDIT_REGISTRY_FILE = '.clients.json'

/** Where one client's log lives. */
export function auditLogPath(dir: string, client: string): string {
  return join(dir, `${client}.jsonl`)
}

/** Where one client's keyed head lives. */
export function auditHeadPath(dir: string, client: string): string {
  return join(dir, `${client}.head`)
}

/** Where the keyed registry of clients lives. */
export function auditRegistryPath(dir: string): string {
  return join(dir, AUDIT_REGISTRY_FILE)
}

/** A write that must not happen: the log is not what the registry and head say it should be, or can't be written. */
export class AuditUnavailableError extends Error {}

/** Client names that have a log or a head file in the folder. */
export function listAuditLogFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && (name.endsWith('.jsonl') || name.endsWith('.head')))
    .map((name) => name.slice(0, name.lastIndexOf('.')))
}

/** Whether something other than a regular file (a link, a folder, a device) is at `path`. */
export function isPresentButNotRegular(path: string): boolean {
  try {
    return !lstatSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * The lock every process writing the audit folder shares (the vault's lock, taken synchronously). Held for
 * microseconds (an append, a registry update), so a holder gone for a second is taken as crashed and its lock broken.
 */
export function lockAuditFile(path: string): () => void {
  try {
    return acquireFileLockSync(path, {timeoutMs: 2000, staleAfterMs: 1000, what: 'The audit log'})
  } catch (error) {
    if (error instanceof FileLockBusyError) throw new AuditUnavailableError('audit log lock not released')
    throw error
  }
}

/**
 * Removes a lock folder that a writer of an older outloop (whose lock was a folder made with mkdir) left behind
 * when it crashed: the lock file could never be created over it, and every append would wait and be refused.
 * One younger than a second may be a live old writer's, and is left alone.
 */
export function removeLegacyLockFolder(path: string): void {
  try {
    const stat = lstatSync(path)
    if (stat.isDirectory() && Date.now() - stat.mtimeMs > 1000) rmdirSync(path)
  } catch {
    // none, or removed meanwhile
  }
}
