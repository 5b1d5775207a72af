import {existsSync, mkdirSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {approvalPaths, isApprovalId, type ApprovalAnswerFile, type PendingApproval} from '../broker/approvals.js'
import {UserError} from '../lib/errors.js'
import {writeFileAtomic} from '../vault/fs-safe.js'

/** The requests waiting for a person's answer now, oldest first: those whose time is up or whose broker is gone are not. */
export function listPendingApprovals(home: string, now = Date.now()): PendingApproval[] {
  const {pending} = approvalPaths(home)
  let names: string[]
  try {
    names = readdirSync(pending)
  } catch {
    return []
  }
  const waiting: PendingApproval[] = []
  for (const name of names) {
    if (!name.endsWith('.json') || !isApprovalId(name.slice(0, -5))) continue
    try {
      const entry = JSON.parse(readFileSync(join(pending, name), 'utf8')) as PendingApproval
      if (Date.parse(entry.expiresAt) > now && isAlive(entry.brokerPid)) waiting.push(entry)
    } catch {
      // being written or removed right now
    }
  }
  return waiting.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id))
}

export interface ApprovalAnswerResult {
  readonly pending: PendingApproval
  /** Whether the broker took the answer within the wait (it reads the folder ten times a second). */
  readonly taken: boolean
}

/**
 * Answers a held request: writes the answer where its broker reads it, then waits up to `waitMs` for the
 * broker to take it (it removes the file), so the operator hears whether the request went on or was refused.
 */
export async function answerApproval(home: string, id: string, answer: 'approve' | 'deny', scope: 'request' | 'session', waitMs = 3000): Promise<ApprovalAnswerResult> {
  const wanted = id.trim().toLowerCase()
  const pending = isApprovalId(wanted) ? listPendingApprovals(home).find((p) => p.id === wanted) : undefined
  if (!pending) throw new UserError(`No request waits for approval as ${JSON.stringify(id.slice(0, 40))}: it was answered, its time ran out, or its agent or broker stopped.`, 'outloop approvals lists the requests waiting now.')
  const {answers} = approvalPaths(home)
  mkdirSync(answers, {recursive: true, mode: 0o700})
  const file = join(answers, `${pending.id}.json`)
  const content: ApprovalAnswerFile = {id: pending.id, answer, scope}
  writeFileAtomic(file, JSON.stringify(content) + '\n')
  const until = Date.now() + waitMs
  while (existsSync(file) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50))
  return {pending, taken: !existsSync(file)}
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
