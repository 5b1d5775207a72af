import {randomBytes} from 'node:crypto'
import {chmodSync, chownSync, readdirSync, statSync, unlinkSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

import {replaceThroughTemp} from '../vault/fs-safe.js'
import {crashPointReached} from './crash.js'

/**
 * Replaces a client file atomically: a temp file in the same folder with the original's mode (and owner,
 * where we may set it), fsync, rename over, fsync the folder. A crash leaves the old file or the new one.
 */
export function replaceFileAtomic(path: string, data: Buffer): void {
  const stat = statSync(path)
  const temp = join(dirname(path), `${tempPrefixFor(path)}${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  replaceThroughTemp(path, temp, data, () => {
    crashPointReached('write-temp')
    chmodSync(temp, stat.mode & 0o7777)
    if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || stat.gid !== process.getgid?.())) {
      try {
        chownSync(temp, stat.uid, stat.gid)
      } catch {
        // Only root may give a file away; the owner's own files keep their owner anyway.
      }
    }
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
