import {createHash} from 'node:crypto'
import {readFileSync, statSync} from 'node:fs'

import {checkPolicyText} from '../policy/parse.js'
import type {Policy} from '../policy/types.js'

/** Where a rejected policy file is wrong: positions and what was expected, never the text found there. */
export interface PolicyFileProblem {
  readonly line: number
  readonly column: number
  readonly message: string
}

/** Why the file's current text is not the policy in use (the last good one is kept). */
export interface PolicyFileError {
  /** When the broker read the text it rejected. */
  readonly seenAt: string
  readonly problems: readonly PolicyFileProblem[]
}

/** The policy a running broker decides with, and what became of the latest edit of its file. */
export interface PolicyWatchState {
  readonly file: string
  /** When the policy in use was read from the file. */
  readonly loadedAt: string
  /** `policyTextDigest` of the text in use, so `status` can tell whether the file still holds it. */
  readonly digest: string
  readonly error: PolicyFileError | null
}

/** What a check of the file changed: a new policy in use, an edit refused, or the file back at the text in use. */
export type PolicyChange = 'reloaded' | 'rejected' | 'current'

/** A policy kept in step with its file; `current()` is what each request is decided with. */
export interface PolicyWatch {
  current(): Policy
  state(): PolicyWatchState
  close(): void
}

/** The digest of a policy file's text, as the broker records it and `status` compares it. */
export function policyTextDigest(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Identifies a version of the file without reading it; inode too, as editors replace files by rename. */
function fileStamp(file: string): string {
  try {
    const st = statSync(file)
    return `${st.ino}:${st.mtimeMs}:${st.ctimeMs}:${st.size}`
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? ''}`
  }
}

/**
 * Watches a policy file the broker started on (`initial`, parsed from `text`): a new version is adopted once
 * its stat has stayed the same for `settleMs`, so an editor writing it in place is never read half-written
 * (a grant cut off before its `paths:` would grant every path). A valid version replaces the policy in one
 * assignment; an invalid, missing or unreadable one keeps the policy in use and is reported once.
 */
export function watchPolicyFile(
  file: string,
  initial: {policy: Policy; text: string; stamp: string},
  options: {settleMs?: number; intervalMs?: number; now?: () => number; onChange?: (change: PolicyChange, state: PolicyWatchState) => void} = {},
): PolicyWatch {
  const settleMs = options.settleMs ?? 300
  const intervalMs = options.intervalMs ?? 250
  const now = options.now ?? Date.now
  let policy = initial.policy
  let state: PolicyWatchState = {file, loadedAt: new Date(now()).toISOString(), digest: policyTextDigest(initial.text), error: null}
  let appliedStamp = initial.stamp
  let pendingStamp = initial.stamp
  let pendingSince = 0
  let checkedAt = now()

  const check = (): void => {
    const at = now()
    checkedAt = at
    const stamp = fileStamp(file)
    if (stamp === appliedStamp) return
    if (stamp !== pendingStamp) {
      pendingStamp = stamp
      pendingSince = at
      return
    }
    if (at - pendingSince < settleMs) return
    appliedStamp = stamp
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const message = code === 'ENOENT' ? 'the file is gone' : `the file can't be read (${code ?? 'error'})`
      state = {...state, error: {seenAt: new Date(at).toISOString(), problems: [{line: 0, column: 0, message}]}}
      options.onChange?.('rejected', state)
      return
    }
    // Read after the stat: a write in between changes the stamp, and the next check reads again.
    const digest = policyTextDigest(text)
    if (digest === state.digest) {
      const hadError = state.error !== null
      state = {...state, error: null}
      if (hadError) options.onChange?.('current', state)
      return
    }
    const checked = checkPolicyText(text, file)
    if (checked.policy) {
      policy = checked.policy
      state = {file, loadedAt: new Date(at).toISOString(), digest, error: null}
      options.onChange?.('reloaded', state)
    } else {
      state = {...state, error: {seenAt: new Date(at).toISOString(), problems: checked.problems.map(({line, column, message}) => ({line, column, message}))}}
      options.onChange?.('rejected', state)
    }
  }

  // The timer notices an edit without traffic, so `status` can report a broken one before any request.
  const timer = setInterval(check, intervalMs)
  timer.unref()
  return {
    current: () => {
      if (now() - checkedAt >= intervalMs) check()
      return policy
    },
    state: () => state,
    close: () => clearInterval(timer),
  }
}

/** Reads a policy file with the stamp of the version read (taken first, so a later write is seen as new). */
export function readPolicyFileVersion(file: string): {text: string; stamp: string} {
  const stamp = fileStamp(file)
  return {text: readFileSync(file, 'utf8'), stamp}
}
