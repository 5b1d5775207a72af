/**
 * A write the file system refused: full, read-only, over quota, not permitted. Not a bug, so it is told as
 * what happened and what to do, never as an internal problem.
 */
export interface IoFailure {
  readonly code: string
  /** What happened, in words: "no space is left on the device (ENOSPC)". */
  readonly reason: string
  /** What the person can do about it: "free some space on that disk". */
  readonly fix: string
}

const FAILURES: Readonly<Record<string, {reason: string; fix: string}>> = {
  ENOSPC: {reason: 'no space is left on the device', fix: 'free some space on that disk'},
  EDQUOT: {reason: 'the disk quota is used up', fix: 'free some of your disk quota'},
  EFBIG: {reason: 'the file is larger than the file system allows', fix: 'free space or raise the file size limit'},
  EROFS: {reason: 'the file system is read-only', fix: 'make it writable (remount it read-write)'},
  EACCES: {reason: 'permission denied', fix: 'give the user running outloop write permission there'},
  EPERM: {reason: 'the operation is not permitted', fix: 'give the user running outloop write permission there'},
  EIO: {reason: 'the disk reported an input/output error', fix: 'check the disk (dmesg, fsck)'},
  EMFILE: {reason: 'too many files are open', fix: 'close other programs or raise the open-file limit (ulimit -n)'},
  ENFILE: {reason: 'the system has too many files open', fix: 'close other programs'},
}

/** The file system's refusal behind `error`, or null when it is something else (a bug, a user error). */
export function ioFailureOf(error: unknown): IoFailure | null {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code !== 'string' || !(code in FAILURES)) return null
  return {code, reason: `${FAILURES[code].reason} (${code})`, fix: FAILURES[code].fix}
}

/** Up to `max` names, then how many more: long lists stay readable in one message. */
export function listSome(names: readonly string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`
}
