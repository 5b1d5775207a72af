import {existsSync, mkdirSync, readFileSync, statSync, unlinkSync} from 'node:fs'
import {request} from 'node:http'

import {brokerPaths} from '../broker/files.js'
import {startBroker, type RunningBroker} from '../broker/server.js'
import {UserError} from '../lib/errors.js'
import {parsePolicyText} from '../policy/parse.js'
import type {Policy} from '../policy/types.js'
import {writeFileAtomic} from '../vault/fs-safe.js'
import {openVaultForService} from './vault/store.js'

/** Reads OUTLOOP_HOME/policy.yaml; the broker refuses to start without a valid one. */
export function loadBrokerPolicy(home: string): {policy: Policy; file: string} {
  const file = brokerPaths(home).policy
  if (!existsSync(file)) throw new UserError(`There is no policy at ${file}, so the broker would refuse everything.`, 'Write one (see README, "Access layer"): the services and, per client, which secrets it may use with which methods and paths.')
  return {policy: parsePolicyText(readFileSync(file, 'utf8'), file), file}
}

/** What a running `outloop serve` leaves in OUTLOOP_HOME, so `run` and `status` find it. */
export interface BrokerStateFile {
  readonly pid: number
  readonly url: string
  readonly startedAt: string
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
  readonly interactive?: boolean
  readonly host?: string
  readonly port?: number
  readonly socketPath?: string
  readonly upstreamTimeoutMs?: number
  readonly maxRequestBytes?: number
  /** Whether to record this broker in OUTLOOP_HOME for `run` and `status` (a session broker does not). */
  readonly announce?: boolean
  readonly warn?: (message: string) => void
}

/**
 * The policy as the file holds it now: an edit is picked up on the next request; an edit that does not parse
 * (or a removed file) keeps the last good policy, and `warn` says why once per edit (positions, never values).
 */
export function reloadingPolicy(file: string, initial: Policy, warn: (message: string) => void): () => Policy {
  let current = initial
  const stampOf = (): string => {
    try {
      const st = statSync(file)
      return `${st.ino}:${st.mtimeMs}:${st.size}`
    } catch {
      return 'missing'
    }
  }
  let stamp = stampOf()
  return () => {
    const now = stampOf()
    if (now === stamp) return current
    stamp = now
    try {
      current = parsePolicyText(readFileSync(file, 'utf8'), file)
      warn(`Reloaded the policy from ${file}.`)
    } catch (error) {
      // A PolicyError names file:line:column only; anything else is reported by its code, never its text.
      const why = error instanceof UserError ? error.message : `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`
      warn(`The edited policy was not loaded, so the previous one stays in force: ${why}`)
    }
    return current
  }
}

/** Starts a broker over the configured vault and policy; the vault is unlocked first so no request waits on a prompt. */
export async function serveBroker(options: ServeOptions): Promise<{broker: RunningBroker; policyFile: string; stop: () => Promise<void>}> {
  const host = options.host ?? '127.0.0.1'
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new UserError('The broker listens on loopback only (127.0.0.1, ::1 or localhost).', 'Agents on this machine reach it there; nothing else should.')
  const {policy, file} = loadBrokerPolicy(options.home)
  const {store} = openVaultForService({home: options.home, env: options.env, backend: options.backend, interactive: options.interactive})
  await store.info({tenant: 'outloop', name: 'unlock-check'})
  const broker = await startBroker({
    home: options.home,
    policy: reloadingPolicy(file, policy, options.warn ?? (() => {})),
    host,
    port: options.port,
    socketPath: options.socketPath,
    upstreamTimeoutMs: options.upstreamTimeoutMs,
    maxRequestBytes: options.maxRequestBytes,
    warn: options.warn,
    resolveSecret: async (tenant, name) => (await store.get({tenant, name}))?.value ?? null,
  })
  const statePath = brokerPaths(options.home).state
  if (options.announce) {
    mkdirSync(brokerPaths(options.home).dir, {recursive: true, mode: 0o700})
    writeFileAtomic(statePath, JSON.stringify({pid: process.pid, url: broker.url, startedAt: new Date().toISOString()} satisfies BrokerStateFile) + '\n')
  }
  return {
    broker,
    policyFile: file,
    stop: async () => {
      if (options.announce) {
        try {
          const state = JSON.parse(readFileSync(statePath, 'utf8')) as BrokerStateFile
          if (state.pid === process.pid) unlinkSync(statePath)
        } catch {
          // already gone
        }
      }
      await broker.close()
    },
  }
}
