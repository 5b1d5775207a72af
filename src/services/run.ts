import {spawn} from 'node:child_process'

import {findWorkspaceBinding, readWorkspaceBindings, resolveWorkspaceDir} from '../broker/bindings.js'
import {loadSessionKey, mintSessionToken, revokeSession} from '../broker/tokens.js'
import {UserError} from '../lib/errors.js'
import type {Policy} from '../policy/types.js'
import {findRunningBroker, loadBrokerPolicy, serveBroker} from './serve.js'

export interface RunSessionOptions {
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  readonly workspace: string
  readonly command: readonly string[]
  readonly ttlMs: number
  readonly backend?: string
  readonly interactive?: boolean
  readonly warn?: (message: string) => void
}

/** The environment a launched agent gets: the broker, its session, and base URLs of its client's services. */
export function sessionEnvironment(policy: Policy, tenant: string, brokerUrl: string, token: string): Record<string, string> {
  const prefix = `${brokerUrl}/_t/${token}`
  const env: Record<string, string> = {OUTLOOP_BROKER_URL: brokerUrl, OUTLOOP_SESSION: token, OUTLOOP_TENANT: tenant, OUTLOOP_BROKER_BASE: prefix}
  const granted = new Set((policy.clients.get(tenant) ?? []).map((grant) => grant.service))
  for (const name of [...granted].sort()) {
    const service = policy.services.get(name)
    if (!service) continue
    const url = `${prefix}/${name}${service.baseUrlSuffix}`
    env[`OUTLOOP_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`] = url
    for (const variable of service.baseUrlEnv) env[variable] = url
  }
  return env
}

/**
 * Launches CMD for the client a folder is bound to: mints a session token, points the known providers'
 * base URLs at the broker (a running `outloop serve`, else one started for this session), and revokes the
 * token when CMD exits. Placeholder values in the environment stay placeholders. Returns CMD's exit code.
 */
export async function runAgentSession(options: RunSessionOptions): Promise<number> {
  if (options.command.length === 0) throw new UserError('No command to run.', 'outloop run -- claude (everything after -- is the command)')
  const dir = resolveWorkspaceDir(options.workspace)
  const binding = findWorkspaceBinding(readWorkspaceBindings(options.home), dir)
  if (!binding) throw new UserError(`${dir} is not connected to a client.`, `outloop connect ${dir} --tenant <client>`)
  const {policy} = loadBrokerPolicy(options.home)
  const running = await findRunningBroker(options.home)
  const session = running ? null : await serveBroker({home: options.home, env: options.env, backend: options.backend, interactive: options.interactive, warn: options.warn})
  const brokerUrl = running?.url ?? session!.broker.url
  const {token, claims} = mintSessionToken(loadSessionKey(options.home), {tenant: binding.tenant, workspace: binding.dir, expiresAt: Date.now() + options.ttlMs})
  try {
    const child = spawn(options.command[0], options.command.slice(1), {cwd: dir, stdio: 'inherit', env: {...agentEnvironment(options.env), ...sessionEnvironment(policy, binding.tenant, brokerUrl, token)}})
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    try {
      return await new Promise<number>((resolve, reject) => {
        child.on('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'ENOENT' ? new UserError(`Can't start ${options.command[0]}: no such command.`, 'Check the command after --.') : error),
        )
        child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? signalNumber(signal) : 0)))
      })
    } finally {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
    }
  } finally {
    await revokeSession(options.home, claims)
    await session?.stop()
  }
}

/** What unlocks the vault stays with outloop: an agent holding the passphrase or a Vault token could read every client's keys. */
const VAULT_CREDENTIAL_ENV = ['OUTLOOP_PASSPHRASE', 'VAULT_TOKEN']

function agentEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = {...env}
  for (const name of VAULT_CREDENTIAL_ENV) delete out[name]
  return out
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15} as Record<string, number>)[signal] ?? 1
}
