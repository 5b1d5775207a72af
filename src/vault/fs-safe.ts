import {randomBytes} from 'node:crypto'
import {closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync} from 'node:fs'
import {hostname} from 'node:os'
import {dirname} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

import {UserError} from '../lib/errors.js'
import {isProcessAlive} from '../lib/process.js'

/** Creates a file 0600 with all of `data`, flushed to disk; fails if it exists. */
function writeNewFileSynced(path: string, data: Buffer | string): void {
  const fd = openSync(path, 'wx', 0o600)
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  try {
    // A nearly full disk takes part of a write and says how much: write the rest, and on a full one the
    // next call fails (ENOSPC) instead of a short file being renamed over a good one.
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Flushes a folder's entries (a rename) to disk; some platforms can't, and then the rename is as durable as it gets. */
export function fsyncFolder(path: string): void {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch {
    // Windows and some file systems refuse to open or sync a folder.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function tempPathFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
}

/**
 * Puts `data` at `path` through `temp` (created 0600 beside it, fsynced): `beforeRename` prepares the temp
 * file or the old one, then a rename swaps it in and the folder is fsynced. A crash at any point leaves
 * either the old file or the new one, never a mix; on an error the temp file is removed.
 */
export function replaceThroughTemp(path: string, temp: string, data: Buffer | string, beforeRename: () => void = () => {}): void {
  try {
    writeNewFileSynced(temp, data)
    beforeRename()
    renameSync(temp, path)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // already renamed or never created
    }
    throw error
  }
  fsyncFolder(dirname(path))
}

/**
 * Replaces `path` atomically: a 0600 temp file beside it, fsync, rename. A crash at any point leaves either
 * the old file or the new one, never a mix. With `keepPrevious`, the replaced file stays as `<path>.prev`.
 */
export function writeFileAtomic(path: string, data: Buffer | string, options: {keepPrevious?: boolean} = {}): void {
  replaceThroughTemp(path, tempPathFor(path), data, () => {
    if (!options.keepPrevious) return
    const previous = `${path}.prev`
    try {
      unlinkSync(previous)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    try {
      linkSync(path, previous)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  })
}

/** Creates `path` atomically only if it does not exist yet; false when another process got there first. */
export function createFileAtomic(path: string, data: Buffer | string): boolean {
  const temp = tempPathFor(path)
  try {
    writeNewFileSynced(temp, data)
    linkSync(temp, path)
    fsyncFolder(dirname(path))
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    try {
      unlinkSync(temp)
    } catch {
      // nothing to clean
    }
  }
}

interface LockOwner {
  readonly pid: number
  readonly host: string
  readonly token: string
}

/** How long to wait for a lock, what to call its holder in the error, and when a held lock counts as abandoned. */
export interface FileLockOptions {
  readonly timeoutMs?: number
  readonly what?: string
  /** A lock older than this is broken whoever holds it: for locks held for microseconds (an audit append), a second. */
  readonly staleAfterMs?: number
}

/** Another process held the lock for longer than the caller would wait. */
export class FileLockBusyError extends UserError {}

/** A lock older than this is broken even if its owner can't be checked: no vault write takes that long. */
const STALE_AFTER_MS = 120_000

function readOwner(path: string): {owner: LockOwner | null; text: string; mtimeMs: number} | null {
  try {
    const text = readFileSync(path, 'utf8')
    const mtimeMs = statSync(path).mtimeMs
    try {
      return {owner: JSON.parse(text) as LockOwner, text, mtimeMs}
    } catch {
      return {owner: null, text, mtimeMs}
    }
  } catch {
    return null
  }
}

/** Moves a dead owner's lock aside; puts it back if, in a race, it turns out to be a live one. */
function breakStaleLock(path: string, staleText: string): void {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`
  try {
    renameSync(path, aside)
  } catch {
    return
  }
  let movedText = ''
  try {
    movedText = readFileSync(aside, 'utf8')
  } catch {
    // gone: nothing to restore
  }
  if (movedText !== staleText) {
    try {
      linkSync(aside, path)
    } catch {
      // someone else holds it now; theirs wins
    }
  }
  try {
    unlinkSync(aside)
  } catch {
    // already gone
  }
}

type LockHolder = NonNullable<ReturnType<typeof readOwner>>

/**
 * One try at a lock: the release function, or who holds it (null: released meanwhile). A lock whose owner died
 * on this host, one older than `staleAfterMs`, or one whose owner never got its name written, is broken first.
 * The lock file is not fsynced: a lock never has to outlive a crash of the machine its holder runs on.
 */
function tryFileLock(path: string, mine: LockOwner, text: string, staleAfterMs: number): (() => void) | LockHolder | null {
  for (;;) {
    try {
      writeFileSync(path, text, {flag: 'wx', mode: 0o600})
      return () => {
        let current: string | null = null
        try {
          current = readFileSync(path, 'utf8')
        } catch {
          // broken by another process as stale: not ours to remove any more
        }
        if (current === text) unlinkSync(path)
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const held = readOwner(path)
    if (!held) return null
    const age = Date.now() - held.mtimeMs
    const dead = held.owner !== null && held.owner.host === mine.host && !isProcessAlive(held.owner.pid)
    if (!(dead || age > staleAfterMs || (held.owner === null && age > 1000))) return held
    breakStaleLock(path, held.text)
  }
}

function lockOwner(): {mine: LockOwner; text: string} {
  const mine: LockOwner = {pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex')}
  return {mine, text: JSON.stringify(mine)}
}

function busyError(path: string, held: LockHolder | null, what: string | undefined): FileLockBusyError {
  const by = held?.owner ? ` (held by process ${held.owner.pid} on ${held.owner.host})` : ''
  return new FileLockBusyError(`${what ?? 'The vault'} is busy: another outloop process is writing to it${by}.`, `Try again in a moment; if no outloop is running, delete ${path}.`)
}

/**
 * Takes an exclusive lock (a file created with O_EXCL holding the owner's pid), waiting up to `timeoutMs`
 * (30 s by default). A lock whose owner died on this host, or that is very old, is broken. Returns the release function.
 */
export async function acquireFileLock(path: string, options: FileLockOptions = {}): Promise<() => void> {
  const {mine, text} = lockOwner()
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  let wait = 2
  for (;;) {
    const got = tryFileLock(path, mine, text, options.staleAfterMs ?? STALE_AFTER_MS)
    if (typeof got === 'function') return got
    if (Date.now() > deadline) throw busyError(path, got, options.what)
    await sleep(wait + Math.random() * wait)
    wait = Math.min(wait * 2, 50)
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4))

/**
 * The same lock taken synchronously, waiting in 1 ms steps (2 s by default): for code that can't yield while it
 * holds what the lock guards (an audit append), and for locks held for microseconds.
 */
export function acquireFileLockSync(path: string, options: FileLockOptions = {}): () => void {
  const {mine, text} = lockOwner()
  const deadline = Date.now() + (options.timeoutMs ?? 2000)
  for (;;) {
    const got = tryFileLock(path, mine, text, options.staleAfterMs ?? STALE_AFTER_MS)
    if (typeof got === 'function') return got
    if (Date.now() > deadline) throw busyError(path, got, options.what)
    Atomics.wait(pause, 0, 0, 1)
  }
}
