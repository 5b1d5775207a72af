import {existsSync, mkdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {dirname, resolve, sep} from 'node:path'

import {UserError} from '../lib/errors.js'
import {isValidSecretName} from '../vault/ref.js'
import {acquireFileLock, writeFileAtomic} from '../vault/fs-safe.js'
import {brokerPaths} from './files.js'

/** A client folder bound to its tenant: the only source of "who is calling" the broker trusts. */
export interface WorkspaceBinding {
  /** Real path of the folder. */
  readonly dir: string
  readonly tenant: string
  readonly connectedAt: string
}

const SCHEMA = 'outloop.bindings/v1'

/** Every binding, sorted by folder. */
export function readWorkspaceBindings(home: string): WorkspaceBinding[] {
  const path = brokerPaths(home).bindings
  if (!existsSync(path)) return []
  let data: {schema?: string; bindings?: WorkspaceBinding[]}
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new UserError(`Can't read the workspace bindings: ${path} is damaged.`, 'Move it aside and connect the client folders again (outloop connect DIR --tenant T).')
  }
  if (data.schema !== SCHEMA || !Array.isArray(data.bindings)) throw new UserError(`Can't read the workspace bindings: ${path} is from another outloop version.`, 'Upgrade outloop, or move the file aside and connect again.')
  return data.bindings
}

/** The binding of `dir` or of its nearest bound ancestor (an agent may run in a subfolder). */
export function findWorkspaceBinding(bindings: readonly WorkspaceBinding[], dir: string): WorkspaceBinding | null {
  let best: WorkspaceBinding | null = null
  for (const binding of bindings) {
    if (dir === binding.dir || dir.startsWith(binding.dir.endsWith(sep) ? binding.dir : binding.dir + sep)) {
      if (!best || binding.dir.length > best.dir.length) best = binding
    }
  }
  return best
}

/** The real path of an existing folder, or a UserError. */
export function resolveWorkspaceDir(dir: string): string {
  const absolute = resolve(dir)
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) throw new UserError(`${absolute} is not a folder.`, 'Give the client folder to connect, e.g. outloop connect ~/clients/acme --tenant acme.')
  return realpathSync(absolute)
}

async function updateBindings(home: string, change: (bindings: WorkspaceBinding[]) => WorkspaceBinding[]): Promise<void> {
  const paths = brokerPaths(home)
  mkdirSync(dirname(paths.bindings), {recursive: true, mode: 0o700})
  const release = await acquireFileLock(paths.bindings + '.lock', {what: 'The workspace bindings'})
  try {
    const next = change(readWorkspaceBindings(home)).sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
    writeFileAtomic(paths.bindings, JSON.stringify({schema: SCHEMA, bindings: next}, null, 2) + '\n')
  } finally {
    release()
  }
}

/** What connecting a folder did; `previousTenant` is set when `force` rebound it from another client. */
export interface ConnectOutcome {
  readonly binding: WorkspaceBinding
  readonly changed: boolean
  readonly previousTenant: string | null
}

/**
 * Binds a folder to a tenant; writes nothing into the folder. Rebinding to the same tenant is a no-op. A folder
 * bound to another client, or inside a folder bound to another client, is refused unless `force`: one typo
 * would otherwise hand that client's folder (and the keys its sessions reach) to another.
 */
export async function connectWorkspace(home: string, dir: string, tenant: string, options: {force?: boolean; now?: Date} = {}): Promise<ConnectOutcome> {
  if (!isValidSecretName(tenant)) throw new UserError('A tenant name is lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.', 'e.g. outloop connect ~/clients/acme --tenant acme')
  // outloop.migrate holds the migration backup keys and outloop.templates the template values: no folder may act as them.
  if (tenant.startsWith('outloop.')) throw new UserError(`"${tenant}" is outloop's own namespace, not a client.`, 'Connect the folder to its client, e.g. outloop connect ~/clients/acme --tenant acme')
  const real = resolveWorkspaceDir(dir)
  const now = options.now ?? new Date()
  let result: ConnectOutcome | null = null
  await updateBindings(home, (bindings) => {
    const existing = bindings.find((b) => b.dir === real)
    if (existing && existing.tenant === tenant) {
      result = {binding: existing, changed: false, previousTenant: tenant}
      return bindings
    }
    if (options.force !== true) {
      if (existing) throw new UserError(`${real} is connected to ${existing.tenant}: not rebound to ${tenant}.`, `If it really is ${tenant}'s folder: outloop connect ${real} --tenant ${tenant} --force (${existing.tenant}'s sessions there stop working).`)
      const enclosing = findWorkspaceBinding(bindings, real)
      if (enclosing && enclosing.tenant !== tenant) throw new UserError(`${real} is inside ${enclosing.dir}, which is connected to ${enclosing.tenant}: not connected to ${tenant}.`, `If that subfolder really is ${tenant}'s: outloop connect ${real} --tenant ${tenant} --force.`)
    }
    const binding = {dir: real, tenant, connectedAt: now.toISOString()}
    result = {binding, changed: true, previousTenant: existing?.tenant ?? null}
    return [...bindings.filter((b) => b.dir !== real), binding]
  })
  return result!
}

/** Removes a folder's binding; every session minted for it stops working at once. False when it had none. */
export async function disconnectWorkspace(home: string, dir: string): Promise<WorkspaceBinding | null> {
  const absolute = resolve(dir)
  const real = existsSync(absolute) ? realpathSync(absolute) : absolute
  let removed: WorkspaceBinding | null = null
  await updateBindings(home, (bindings) => {
    removed = bindings.find((b) => b.dir === real) ?? null
    return bindings.filter((b) => b.dir !== real)
  })
  return removed
}
