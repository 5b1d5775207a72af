import {randomBytes} from 'node:crypto'
import {chmodSync, chownSync, readdirSync, statSync, unlinkSync, type Stats} from 'node:fs'
import {basename, dirname, join} from 'node:path'

import {replaceThroughTemp} from '../vault/fs-safe.js'
import {crashPointReached} from './crash.js'

/**
 * A file outloop may not replace, because the replacement could not keep its owner: a user can rename over a
 * file in a folder they own, but cannot give the new file to root (or anyone else). Nothing was written.
 */
export class OwnerNotKeptError extends Error {
  constructor(
    readonly uid: number,
    readonly gid: number,
    readonly asUid: number,
  ) {
    super(`it is owned by ${uid === 0 ? 'root' : `uid ${uid}`} (group ${gid}), and outloop runs as uid ${asUid}, which can't keep that owner`)
    this.name = 'OwnerNotKeptError'
  }
}

/**
 * Why this process could not give a replacement of a file `stat`'s owner (only root gives files away), or
 * null when it can. The group is only known once tried: replaceFileAtomic refuses then.
 */
export function ownerNotKeptBy(stat: Pick<Stats, 'uid' | 'gid'>): OwnerNotKeptError | null {
  if (typeof process.getuid !== 'function') return null
  const uid = process.getuid()
  return uid === 0 || stat.uid === uid ? null : new OwnerNotKeptError(stat.uid, stat.gid, uid)
}

/**
 * Replaces a client file atomically: a temp file in the same folder with the original's mode and owner,
 * fsync, rename over, fsync the folder. A crash leaves the old file or the new one. A file whose owner the
 * replacement could not keep is refused (OwnerNotKeptError) and left as it is: ownership never changes.
 */
export function replaceFileAtomic(path: string, data: Buffer): void {
  const stat = statSync(path)
  const refused = ownerNotKeptBy(stat)
  // Before any temp file: renaming over a file we don't own would hand it to us.
  if (refused !== null) throw refused
  const temp = join(dirname(path), `${tempPrefixFor(path)}${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  replaceThroughTemp(path, temp, data, () => {
    crashPointReached('write-temp')
    chmodSync(temp, stat.mode & 0o7777)
    // A new file is ours, its group ours or the folder's: give it the original's owner and group.
    const made = statSync(temp)
    if (made.uid === stat.uid && made.gid === stat.gid) return
    try {
      chownSync(temp, stat.uid, stat.gid)
    } catch {
      throw new OwnerNotKeptError(stat.uid, stat.gid, process.getuid?.() ?? -1)
    }
    // chown clears the set-id bits: put the mode back after it.
    if ((stat.mode & 0o6000) !== 0) chmodSync(temp, stat.mode & 0o7777)
  })
}

/** How the temp file of a replacement of `path` starts: a dot file beside it that names the file and us. */
function tempPrefixFor(path: string): string {
  return `.${basename(path)}.outloop-`
}

/** Removes temp files a killed replacement of `path` left beside it (they hold only the rewritten text). */
export function removeStaleTempFiles(path: string): number {
  const prefix = tempPrefixFor(path)
  let removed = 0
  let names: string[]
  try {
    names = readdirSync(dirname(path))
  } catch {
    return 0
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    try {
      unlinkSync(join(dirname(path), name))
      removed++
    } catch {
      // gone already
    }
  }
  return removed
}
