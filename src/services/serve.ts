import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, unlinkSync} from 'node:fs'
import {request} from 'node:http'

import type {PendingApproval} from '../broker/approvals.js'
import type {BudgetUse} from '../broker/budgets.js'
import {brokerPaths} from '../broker/files.js'
import {readPolicyFileVersion, watchPolicyFile, type PolicyChange, type PolicyFileError, type PolicyWatchState} from '../broker/policy-watch.js'
import type {RunningBroker} from '../broker/server.js'
import {UserError} from '../lib/errors.js'
import {parsePolicyText} from '../policy/parse.js'
import type {Policy} from '../policy/types.js'
import type {PassphraseSource} from '../vault/file-key.js'
import {writeFileAtomic} from '../vault/fs-safe.js'

/** Reads OUTLOOP_HOME/policy.yaml; the broker refuses to start without a valid one. */
export function loadBrokerPolicy(home: string): {policy: Policy; file: string} {
  const {policy, file} = readBrokerPolicy(home)
  return {policy, file}
}

function readBrokerPolicy(home: string): {policy: Policy; file: string; text: string; stamp: string} {
  const file = brokerPaths(home).policy
  if (!existsSync(file)) throw new UserError(`There is no policy at ${file}, so the broker would refuse everything.`, 'Write one (see README, "Access layer"): the services and, per client, which secrets it may use with which methods and paths.')
  const {text, stamp} = readPolicyFileVersion(file)
  return {policy: parsePolicyText(text, file), file, text, stamp}
}

/** What a running `outloop serve` leaves in OUTLOOP_HOME, so `run` and `status` find it. */
export interface BrokerStateFile {
  readonly pid: number
  readonly url: string
  readonly startedAt: string
  /** When the policy the broker decides with was read (absent from brokers before policy reloading). */
  readonly policyLoadedAt?: string
  /** The digest of that policy's text (`policyTextDigest`): `status` compares it with the file. */
  readonly policyDigest?: string
  /** Why the file's latest text is not in use, or null. */
  readonly policyError?: PolicyFileError | null
}

/** The running broker's state, if its process answers its health check. */
export async function findRunningBroker(home: string): Promise<BrokerStateFile | null> {
  const path = brokerPaths(home).state
  if (!existsSync(path)) return null
  let state: BrokerStateFile
  try {
    state = JSON.parse(readFileSync(path, 'utf8')) as BrokerStateFile
  } catch {
    return null
  }
  const healthy = await new Promise<boolean>((resolve) => {
    const req = request(`${state.url}/_outloop/health`, {agent: false, timeout: 1000}, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
    req.end()
  })
  return healthy ? state : null
}

export interface ServeOptions {
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  readonly backend?: string
  readonly askPassphrase?: PassphraseSource['ask']
  readonly host?: string
  readonly port?: number
  readonly socketPath?: string
  readonly upstreamTimeoutMs?: number
  readonly maxRequestBytes?: number
  /** Whether to record this broker in OUTLOOP_HOME for `run` and `status` (a session broker does not). */
  readonly announce?: boolean
  readonly warn?: (message: string) => void
  /** Conversation that is not a warning: a policy reloaded. */
  readonly note?: (message: string) => void
  /** How long the policy file must stay unchanged before it is read (tests shorten it). */
  readonly policySettleMs?: number
  /** A request started to wait for approval / stopped waiting (the terminal prompt). */
  readonly onApprovalRequest?: (pending: PendingApproval) => void
  readonly onApprovalSettled?: (id: string) => void
}

/** Starts a broker over the configured vault and policy; the vault is unlocked first so no request waits on a prompt. */
export async function serveBroker(options: ServeOptions): Promise<{broker: RunningBroker; policyFile: string; clients: string[]; startedAt: string; stop: () => Promise<void>}> {
  const host = options.host ?? '127.0.0.1'
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new UserError('The broker listens on loopback only (127.0.0.1, ::1 or localhost).', 'Agents on this machine reach it there; nothing else should.')
  const initial = readBrokerPolicy(options.home)
  const file = initial.file
  // The vault backends (the keychain's native addon among them) and the broker load only to serve: outloop status
  // imports this module to find a running broker and needs neither.
  const [{openVaultForService}, {startBroker}] = await Promise.all([import('./vault/store.js'), import('../broker/server.js')])
  const {store} = openVaultForService({home: options.home, env: options.env, backend: options.backend, askPassphrase: options.askPassphrase})
  await store.info({tenant: 'outloop', name: 'unlock-check'})
  const statePath = brokerPaths(options.home).state
  const startedAt = new Date().toISOString()
  const stateOf = (url: string, policyState: PolicyWatchState): BrokerStateFile => ({pid: process.pid, url, startedAt, policyLoadedAt: policyState.loadedAt, policyDigest: policyState.digest, policyError: policyState.error})
  let announced: string | null = null
  const watch = watchPolicyFile(file, initial, {
    settleMs: options.policySettleMs,
    onChange: (change, policyState) => {
      reportPolicyChange(change, policyState, options)
      // Rewritten only while it is still this broker's: another serve may have taken over the file.
      try {
        if (announced && ownsStateFile(statePath)) writeFileAtomic(statePath, JSON.stringify(stateOf(announced, policyState)) + '\n')
      } catch {
        options.warn?.(`Can't update ${statePath}: outloop status may show an older policy state.`)
      }
    },
  })
  const broker = await startBroker({
    home: options.home,
    policy: () => watch.current(),
    host,
    port: options.port,
    socketPath: options.socketPath,
    upstreamTimeoutMs: options.upstreamTimeoutMs,
    maxRequestBytes: options.maxRequestBytes,
    warn: options.warn,
    onApprovalRequest: (pending) => {
      options.onApprovalRequest?.(pending)
      notifyDesktop(pending)
    },
    onApprovalSettled: options.onApprovalSettled,
    resolveSecret: async (tenant, name) => (await store.get({tenant, name}))?.value ?? null,
  }).catch((error: unknown) => {
    watch.close()
    throw error
  })
  let usageTimer: NodeJS.Timeout | null = null
  if (options.announce) {
    mkdirSync(brokerPaths(options.home).dir, {recursive: true, mode: 0o700})
    writeFileAtomic(statePath, JSON.stringify(stateOf(broker.url, watch.state())) + '\n')
    announced = broker.url
    usageTimer = recordBudgetUse(broker, brokerPaths(options.home).usage, options.warn)
  }
  return {
    broker,
    policyFile: file,
    // The clients the policy names as the broker starts (a later edit of the policy can change them).
    clients: [...initial.policy.clients.keys()].sort(),
    startedAt,
    stop: async () => {
      watch.close()
      if (usageTimer) clearInterval(usageTimer)
      if (options.announce) {
        announced = null
        try {
          if (ownsStateFile(statePath)) unlinkSync(statePath)
        } catch {
          // already gone
        }
      }
      await broker.close()
    },
  }
}

/** What the budgets of a running broker have counted, as `outloop status` reads it. */
export interface BudgetUseFile {
  readonly pid: number
  readonly at: string
  readonly budgets: BudgetUse[]
}

/** Writes the budgets' use to `path` each second it changed: counts live in the broker's memory, status runs elsewhere. */
function recordBudgetUse(broker: RunningBroker, path: string, warn?: (message: string) => void): NodeJS.Timeout {
  let last = ''
  let warned = false
  const timer = setInterval(() => {
    const budgets = broker.budgetUse()
    const text = JSON.stringify(budgets)
    if (text === last) return
    try {
      writeFileAtomic(path, JSON.stringify({pid: process.pid, at: new Date().toISOString(), budgets} satisfies BudgetUseFile) + '\n')
      last = text
    } catch {
      if (!warned) warn?.(`Can't write ${path}: outloop status won't show budget use.`)
      warned = true
    }
  }, 1000)
  timer.unref()
  return timer
}

/** The budgets' use the running broker last wrote, or null (no broker, or another one's file). */
export function readBudgetUse(home: string, broker: BrokerStateFile | null): BudgetUse[] | null {
  if (!broker) return null
  try {
    const file = JSON.parse(readFileSync(brokerPaths(home).usage, 'utf8')) as BudgetUseFile
    return file.pid === broker.pid ? file.budgets : null
  } catch {
    return null
  }
}

/**
 * A desktop notification where the system has one (notify-send on Linux desktops, osascript on macOS), fired and
 * forgotten: what waits and where to answer, never a value.
 */
function notifyDesktop(pending: PendingApproval): void {
  const text = `${pending.tenant}: ${pending.method} ${pending.service} ${pending.path} waits for approval (outloop approvals approve ${pending.id})`
  const clean = text.replace(/[^\x20-\x7e]/g, '?')
  const [program, args]: [string, string[]] = process.platform === 'darwin' ? ['osascript', ['-e', `display notification ${JSON.stringify(clean)} with title "outloop"`]] : ['notify-send', ['--app-name=outloop', 'outloop: approval needed', clean]]
  try {
    const child = spawn(program, args, {stdio: 'ignore'})
    child.on('error', () => {})
    child.unref()
  } catch {
    // no notifier here: the prompt and outloop approvals remain
  }
}

function ownsStateFile(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as BrokerStateFile).pid === process.pid
  } catch {
    return false
  }
}

/** Says on stderr what became of an edit of the policy file: positions only, never its text. */
function reportPolicyChange(change: PolicyChange, state: PolicyWatchState, options: ServeOptions): void {
  if (change === 'reloaded') options.note?.(`Policy reloaded from ${state.file}.`)
  else if (change === 'current') options.note?.(`${state.file} holds the policy in use again.`)
  else {
    const where = state.error!.problems.map((p) => (p.line > 0 ? `  ${state.file}:${p.line}:${p.column}: ${p.message}` : `  ${state.file}: ${p.message}`))
    options.warn?.(`The edited policy is not used; the broker keeps the policy of ${state.loadedAt}:\n${where.join('\n')}`)
  }
}
