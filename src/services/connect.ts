import {connectWorkspace, disconnectWorkspace, type WorkspaceBinding} from '../broker/bindings.js'
import {UserError} from '../lib/errors.js'

/** Binds a client folder to its tenant (writes nothing into the folder). */
export async function connectClientFolder(options: {home: string; dir: string; tenant: string}): Promise<{binding: WorkspaceBinding; changed: boolean; previousTenant: string | null}> {
  return connectWorkspace(options.home, options.dir, options.tenant)
}

/** Unbinds a client folder: every session minted for it is refused from the next request on. */
export async function disconnectClientFolder(options: {home: string; dir: string}): Promise<WorkspaceBinding> {
  const removed = await disconnectWorkspace(options.home, options.dir)
  if (!removed) throw new UserError(`${options.dir} is not connected.`, 'outloop status lists the connected folders.')
  return removed
}
