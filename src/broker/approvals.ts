import {randomBytes} from 'node:crypto'
import {lstatSync, mkdirSync, readdirSync, readFileSync, unlinkSync} from 'node:fs'
import {userInfo} from 'node:os'
import {join} from 'node:path'

import type {AuditApproval} from '../audit/chain.js'
import {writeFileAtomic} from '../vault/fs-safe.js'

/**
 * Human approval of held requests. The channel is two folders inside OUTLOOP_HOME (0700, hidden from every
 * confined agent): the broker writes what waits into `pending/`, the operator's `outloop approvals approve|deny`
 * writes an answer into `answers/`, and the broker takes an answer only from a file owned by its own user (or
 * root), recording that user as who answered. Nothing an agent can reach (the broker's port, its own files, its
 * environment) carries an answer.
 */

/** What a held request is, as the operator sees it: never a header, body, query or value. */
export interface ApprovalAsk {
  readonly tenant: string
  readonly workspace: string | null
  readonly service: string
  readonly secret: string
  readonly method: string
  readonly host: string | null
  readonly path: string
  /** The names of its query parameters (their values may hold anything, and are never shown). */
  readonly query: readonly string[]
  /** The size of its body, which is not shown either. */
  readonly bodyBytes: number
  /** The session the request came in, so an answer `--for-session` covers the rest of it. */
  readonly session: string
}

/** At most this many requests of one session wait at once: an agent can't bury the operator in questions. */
export const MAX_WAITING_PER_SESSION = 4

/** A held request as written to `pending/<id>.json`. */
export interface PendingApproval extends ApprovalAsk {
  readonly id: string
  readonly requestedAt: string
  readonly expiresAt: string
  /** The broker process holding it: a request of a broker that stopped no longer waits. */
  readonly brokerPid: number
}

/** The answer file's content, as `outloop approvals` writes it. */
export interface ApprovalAnswerFile {
  readonly id: string
  readonly answer: 'approve' | 'deny'
  readonly scope: 'request' | 'session'
}

/** A held request's end: the person's answer (or the timeout's), or `cancelled` when the agent hung up first or the broker stopped. */
export type ApprovalOutcome = AuditApproval | {readonly answer: 'cancelled'}

export function approvalPaths(home: string): {dir: string; pending: string; answers: string} {
  const dir = join(home, 'approvals')
  return {dir, pending: join(dir, 'pending'), answers: join(dir, 'answers')}
}

const ID = /^[a-z0-9]{8}$/
// No 0/o, 1/l: an id is read off one terminal and typed into another.
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

function newApprovalId(): string {
  return [...randomBytes(8)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('')
}

/** Whether a string is shaped like an approval id (so a path built from it stays in its folder). */
export function isApprovalId(id: string): boolean {
  return ID.test(id)
}

export interface ApprovalDeskOptions {
  /** Called when a request starts to wait (the terminal prompt of `outloop serve`, a desktop notification). */
  readonly onRequest?: (pending: PendingApproval) => void
  /** Called when a held request ends, however it ended (a prompt stops showing it). */
  readonly onSettled?: (id: string) => void
  /** How often the answers folder is read while something waits. */
  readonly pollMs?: number
}

interface Waiting {
  readonly pending: PendingApproval
  readonly grantKey: string
  readonly settle: (outcome: ApprovalOutcome) => void
}

/** The broker's side of approvals: holds requests, reads answers, remembers session-wide approvals. */
export class ApprovalDesk {
  readonly #paths: ReturnType<typeof approvalPaths>
  readonly #options: ApprovalDeskOptions
  readonly #waiting = new Map<string, Waiting>()
  // By session and grant: an approval for the rest of a session covers that grant only.
  readonly #passes = new Map<string, AuditApproval>()
  #timer: NodeJS.Timeout | null = null

  constructor(home: string, options: ApprovalDeskOptions = {}) {
    this.#paths = approvalPaths(home)
    this.#options = options
  }

  /** The approval `--for-session` that lets this session's request under this grant through without asking. */
  sessionPass(session: string, grantKey: string): AuditApproval | undefined {
    return this.#passes.get(`${session}\0${grantKey}`)
  }

  /** Whether another request of this session may wait now. */
  hasRoomFor(session: string): boolean {
    let waiting = 0
    for (const w of this.#waiting.values()) if (w.pending.session === session) waiting++
    return waiting < MAX_WAITING_PER_SESSION
  }

  /** Holds a request until a person answers, `withinMs` passes, or `signal` aborts (the agent hung up). */
  wait(ask: ApprovalAsk, grantKey: string, withinMs: number, signal: AbortSignal): Promise<ApprovalOutcome> {
    const now = Date.now()
    const id = newApprovalId()
    const pending: PendingApproval = {...ask, id, requestedAt: new Date(now).toISOString(), expiresAt: new Date(now + withinMs).toISOString(), brokerPid: process.pid}
    return new Promise<ApprovalOutcome>((resolve) => {
      let timeout: NodeJS.Timeout | undefined
      const settle = (outcome: ApprovalOutcome): void => {
        if (!this.#waiting.delete(id)) return
        clearTimeout(timeout)
        signal.removeEventListener('abort', onAbort)
        removeQuietly(join(this.#paths.pending, `${id}.json`))
        if (this.#waiting.size === 0) this.#stopPolling()
        if (outcome.answer === 'approved' && outcome.scope === 'session') this.#passes.set(`${ask.session}\0${grantKey}`, outcome)
        this.#options.onSettled?.(id)
        resolve(outcome)
      }
      const onAbort = (): void => settle({answer: 'cancelled'})
      this.#waiting.set(id, {pending, grantKey, settle})
      try {
        mkdirSync(this.#paths.pending, {recursive: true, mode: 0o700})
        mkdirSync(this.#paths.answers, {recursive: true, mode: 0o700})
        writeFileAtomic(join(this.#paths.pending, `${id}.json`), JSON.stringify(pending) + '\n')
      } catch {
        // No one can be asked: the request is not let through.
        this.#waiting.delete(id)
        resolve({id, answer: 'timeout', scope: 'request', by: null, at: new Date().toISOString()})
        return
      }
      timeout = setTimeout(() => settle({id, answer: 'timeout', scope: 'request', by: null, at: new Date().toISOString()}), withinMs)
      timeout.unref()
      if (signal.aborted) return onAbort()
      signal.addEventListener('abort', onAbort, {once: true})
      this.#startPolling()
      this.#options.onRequest?.(pending)
    })
  }

  /** An answer given in the broker's own process (the prompt of `outloop serve` on its terminal). */
  answer(id: string, answer: 'approve' | 'deny', scope: 'request' | 'session', by: string): boolean {
    const waiting = this.#waiting.get(id)
    if (!waiting) return false
    waiting.settle({id, answer: answer === 'approve' ? 'approved' : 'denied', scope: answer === 'approve' ? scope : 'request', by, at: new Date().toISOString()})
    return true
  }

  /** What waits now, oldest first. */
  pending(): PendingApproval[] {
    return [...this.#waiting.values()].map((w) => w.pending)
  }

  /** Ends every wait (the broker is stopping): nothing held goes upstream. */
  close(): void {
    for (const waiting of [...this.#waiting.values()]) waiting.settle({answer: 'cancelled'})
    this.#stopPolling()
  }

  #startPolling(): void {
    if (this.#timer) return
    this.#timer = setInterval(() => this.#readAnswers(), this.#options.pollMs ?? 100)
    this.#timer.unref()
  }

  #stopPolling(): void {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }

  #readAnswers(): void {
    let names: string[]
    try {
      names = readdirSync(this.#paths.answers)
    } catch {
      return
    }
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : ''
      const waiting = this.#waiting.get(id)
      if (!waiting) continue
      const file = join(this.#paths.answers, name)
      const answer = readAnswerFile(file, id)
      removeQuietly(file)
      if (!answer) continue
      waiting.settle({id, answer: answer.answer === 'approve' ? 'approved' : 'denied', scope: answer.answer === 'approve' ? answer.scope : 'request', by: answer.by, at: new Date().toISOString()})
    }
  }
}

/** An answer file's content and its owner, when it is a regular file of this user (or root) saying something valid. */
function readAnswerFile(file: string, id: string): (ApprovalAnswerFile & {by: string}) | null {
  try {
    const st = lstatSync(file)
    const me = process.getuid?.() ?? -1
    if (!st.isFile() || (st.uid !== me && st.uid !== 0)) return null
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ApprovalAnswerFile>
    if (parsed.id !== id || (parsed.answer !== 'approve' && parsed.answer !== 'deny') || (parsed.scope !== 'request' && parsed.scope !== 'session')) return null
    return {id, answer: parsed.answer, scope: parsed.scope, by: userNameOf(st.uid)}
  } catch {
    return null
  }
}

/** The login name of a user id (from /etc/passwd, or this process's own), else `uid <n>`. */
export function userNameOf(uid: number): string {
  try {
    const me = userInfo()
    if (me.uid === uid) return me.username
  } catch {
    // no entry for this process's user
  }
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [name, , id] = line.split(':')
      if (name && Number(id) === uid) return name
    }
  } catch {
    // no passwd file (macOS keeps users elsewhere)
  }
  return `uid ${uid}`
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // already gone
  }
}
