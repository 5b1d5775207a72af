import type Micromatch from 'micromatch'
import {realpathSync, type Dirent} from 'node:fs'
import {createRequire} from 'node:module'
import {readdir} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'

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
 * A matcher for root-relative paths against ignore globs (dot files included, as fast-glob and git read
 * them). Compiled with `.` matching every character: glob libraries' `**` does not cross a newline, and a
 * name holding one must be matched like any other name, neither hidden from the scan nor from an ignore.
 */
export function ignoreMatcher(globs: readonly string[]): (relPath: string) => boolean {
  if (globs.length === 0) return () => false
  const sources = globs.map((glob) => simpleGlobSource(glob) ?? micromatch().makeRe(glob, {dot: true}).source)
  const combined = new RegExp(sources.map((s) => `(?:${s})`).join('|'), 's')
  return (relPath) => combined.test(relPath)
}

// What micromatch compiles `**` to with {dot: true}: any run of characters that holds no `.` or `..` segment.
const GLOBSTAR = String.raw`(?:(?:(?!(?:^|\/)\.{1,2}(?:\/|$)).)*?)`
// A plain file name anywhere in the tree, with or without everything under it (`**` `/NAME/**`, `**` `/NAME`):
// the shape of every default ignore.
const SIMPLE_GLOB = /^\*\*\/([A-Za-z0-9_-][A-Za-z0-9._-]*|\.[A-Za-z0-9_-][A-Za-z0-9._-]*)(\/\*\*)?$/

/**
 * The regular expression micromatch makes of a glob in SIMPLE_GLOB's shape, written out here, or null for any
 * other glob: a scan with only the default ignores then never loads micromatch (20 modules, a tenth of its
 * start-up). test/scan/walk.test.ts holds these to micromatch's own output.
 */
export function simpleGlobSource(glob: string): string | null {
  const match = SIMPLE_GLOB.exec(glob)
  if (match === null) return null
  const name = match[1].replaceAll('.', String.raw`\.`)
  const prefix = String.raw`^(?:(?:^|\/|${GLOBSTAR}\/)${name}`
  return match[2] === undefined ? `${prefix})$` : String.raw`${prefix}(?:\/(?!\.{1,2}(?:\/|$))${GLOBSTAR}|$))$`
}

let micromatchModule: typeof Micromatch | undefined

/** micromatch, loaded for the first glob that simpleGlobSource can't write (a CommonJS package, so require()). */
function micromatch(): typeof Micromatch {
  micromatchModule ??= createRequire(import.meta.url)('micromatch') as typeof Micromatch
  return micromatchModule
}

/** A glob matching exactly this path: every character micromatch reads as a glob symbol is escaped. */
export function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@|]/g, '\\$&')
}

/**
 * Lists the files under a root, hidden ones included, without following symlinks. A symlink whose
 * target is inside the root is passed over (its target is listed in place); one that leaves the root is
 * reported, because a scan that silently ignored it would look more complete than it is. Any byte a file
 * system allows in a name is listed (newlines, escape sequences): a name must not be a way round the scan.
 * Folders are read from an explicit stack, so depth costs memory, not call stack.
 */
export async function* walkTree(root: string, options: WalkOptions): AsyncGenerator<WalkEntry> {
  const ignored = ignoreMatcher(options.ignore)
  const pending: string[] = ['']
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries: Dirent[]
    try {
      entries = await readdir(dir === '' ? root : join(root, dir), {withFileTypes: true})
    } catch {
      // A folder that cannot be listed hides whatever is in it: say so. (The root itself is checked by the caller.)
      if (dir !== '') yield {kind: 'skip', relPath: dir, reason: 'unreadable'}
      continue
    }
    const subfolders: string[] = []
    for (const entry of entries) {
      const relPath = dir === '' ? entry.name : `${dir}/${entry.name}`
      if (ignored(relPath)) continue
      if (entry.isFile()) {
        yield {kind: 'file', relPath, absPath: join(root, relPath)}
      } else if (entry.isDirectory()) {
        subfolders.push(relPath)
      } else if (entry.isSymbolicLink()) {
        const target = resolveLink(join(root, relPath))
        if (target !== null && !isInside(options.realRoot, target)) yield {kind: 'skip', relPath, reason: 'symlink-outside-root'}
      }
    }
    // Reversed onto the stack so folders are read in listing order.
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i])
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
