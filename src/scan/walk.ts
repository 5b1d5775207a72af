import fg from 'fast-glob'
import {accessSync, constants, realpathSync} from 'node:fs'
import {join, relative, sep} from 'node:path'

import {toPosixPath} from '../lib/paths.js'

/** Why a path was not read. Every reason but `binary` makes a scan incomplete. */
export type SkipReason = 'unreadable' | 'too-large' | 'symlink-outside-root' | 'timeout' | 'binary' | 'scan-error'

export type WalkEntry =
  | {readonly kind: 'file'; readonly relPath: string; readonly absPath: string}
  | {readonly kind: 'skip'; readonly relPath: string; readonly reason: SkipReason}

export interface WalkOptions {
  /** The real path of the root (symlinks resolved), so "inside the root" can be decided by prefix. */
  readonly realRoot: string
  readonly ignore: readonly string[]
}

/**
 * Lists the files under a root, hidden ones included, without following symlinks. A symlink whose
 * target is inside the root is passed over (its target is listed in place); one that leaves the root is
 * reported, because a scan that silently ignored it would look more complete than it is.
 */
export async function* walkTree(root: string, options: WalkOptions): AsyncGenerator<WalkEntry> {
  const stream = fg.stream('**', {
    cwd: root,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    ignore: [...options.ignore],
    suppressErrors: true,
  }) as AsyncIterable<fg.Entry>

  for await (const entry of stream) {
    const relPath = toPosixPath(entry.path)
    const absPath = join(root, entry.path)
    const {dirent} = entry
    if (dirent.isFile()) {
      yield {kind: 'file', relPath, absPath}
    } else if (dirent.isDirectory()) {
      // fast-glob passes over folders it cannot list; say so instead.
      if (!canList(absPath)) yield {kind: 'skip', relPath, reason: 'unreadable'}
    } else if (dirent.isSymbolicLink()) {
      const target = resolveLink(absPath)
      if (target !== null && !isInside(options.realRoot, target)) yield {kind: 'skip', relPath, reason: 'symlink-outside-root'}
    }
  }
}

function canList(dir: string): boolean {
  try {
    accessSync(dir, constants.R_OK | constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The link's final target, or null for a dangling link or a loop (nothing there to read). */
function resolveLink(path: string): string | null {
  try {
    return realpathSync(path)
  } catch {
    return null
  }
}

/** Whether `path` is `root` or below it. Both are real paths. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel))
}
