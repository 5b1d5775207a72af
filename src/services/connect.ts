import {basename} from 'node:path'

import {connectWorkspace, disconnectWorkspace, type ConnectOutcome, type WorkspaceBinding} from '../broker/bindings.js'
import {UserError} from '../lib/errors.js'

/**
 * Binds a client folder to its tenant (writes nothing into the folder); refuses to rebind a folder of another
 * client unless `force`. `nameWarning` is set when the folder's name does not mention the tenant: a likely typo.
 */
export async function connectClientFolder(options: {home: string; dir: string; tenant: string; force?: boolean}): Promise<ConnectOutcome & {nameWarning: string | null}> {
  const outcome = await connectWorkspace(options.home, options.dir, options.tenant, {force: options.force})
  return {...outcome, nameWarning: folderNameWarning(outcome.binding.dir, options.tenant)}
}

/** A folder named for another client than the one it is bound to is worth a second look (`clients/acme` → globex). */
export function folderNameWarning(dir: string, tenant: string): string | null {
  const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '')
  const name = squash(basename(dir))
  if (name === '' || name.includes(squash(tenant)) || squash(tenant).includes(name)) return null
  return `The folder's name (${basename(dir)}) does not match the client ${tenant}: check that this is ${tenant}'s folder.`
}

/** Unbinds a client folder: every session minted for it is refused from the next request on. */
export async function disconnectClientFolder(options: {home: string; dir: string}): Promise<WorkspaceBinding> {
  const removed = await disconnectWorkspace(options.home, options.dir)
  if (!removed) throw new UserError(`${options.dir} is not connected.`, 'outloop status lists the connected folders.')
  return removed
}
