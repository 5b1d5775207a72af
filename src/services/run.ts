import {spawn, type ChildProcess} from 'node:child_process'
import {chmodSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import {dirname, isAbsolute, join, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import type {Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'

import {AuditLogWriter} from '../audit/writer.js'
import {findWorkspaceBinding, readWorkspaceBindings, resolveWorkspaceDir, type WorkspaceBinding} from '../broker/bindings.js'
import {brokerPaths, loadOrCreateKeyFile} from '../broker/files.js'
import {currentLauncher} from '../broker/launcher.js'
import {createOutputMasker} from '../broker/mask.js'
import type {SecretValue} from '../lib/secret-value.js'
import {findSecretRefs, formatSecretRef} from '../vault/ref.js'
import type {PassphraseSource} from '../vault/file-key.js'
import type {SecretStore} from '../vault/types.js'
import {openVaultForService} from './vault/store.js'
import {loadSessionKey, mintSessionToken, revokeSession} from '../broker/tokens.js'
import {UserError} from '../lib/errors.js'
import type {Policy} from '../policy/types.js'
import {findRunningBroker, loadBrokerPolicy, serveBroker} from './serve.js'
import {detectConfinement, findExecutable, resolveSandboxMounts, spawnConfined, type ChildStdio, type Confinement} from '../sandbox/launch.js'
import {isWithin, planSandboxView, SandboxPlanError, WITHHELD_ENVIRONMENT} from '../sandbox/profile.js'
import type {ResolvedMount} from '../sandbox/bwrap.js'
import {variablesHoldingKeys} from '../sandbox/environment.js'
import {readSandboxSettings} from '../sandbox/settings.js'

export interface RunSessionOptions {
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  readonly workspace: string
  readonly command: readonly string[]
  readonly ttlMs: number
  /** proxy (default): base URLs point at the broker, placeholders stay. inject: this client's placeholders are resolved into the environment and masked in the output. */
  readonly mode?: 'proxy' | 'inject'
  readonly backend?: string
  readonly askPassphrase?: PassphraseSource['ask']
  /** Confine CMD (the default). false is `--no-sandbox`: CMD runs as this user and sees what this user sees. */
  readonly confine?: boolean
  readonly warn?: (message: string) => void
  /** Where CMD's stdout goes: `stderr` keeps this process's stdout for one JSON document (`run --json`). */
  readonly childStdout?: 'stdout' | 'stderr'
}

/** How a launched session went: what `run --json` prints. Never the token, only the session's id. */
export interface RunSessionResult {
  readonly exitCode: number
  /** The session token's id (as in the revocation list), not the token. */
  readonly sessionId: string
  readonly tenant: string
  readonly workspace: string
  readonly mode: 'proxy' | 'inject'
  /** bubblewrap or sandbox-exec; null with --no-sandbox. */
  readonly sandbox: Confinement['kind'] | null
  readonly brokerUrl: string
  /** Whether the broker was started for this session (no outloop serve was running). */
  readonly brokerStarted: boolean
  readonly startedAt: string
  readonly durationMs: number
}

/** Where the CA files of one session are, for the runtimes that read them from the environment. */
export interface SessionCaFiles {
  /** The outloop CA alone (NODE_EXTRA_CA_CERTS adds to Node's own roots). */
  readonly caFile: string
  /** The system's roots followed by the outloop CA (OpenSSL, requests, curl, git read one file). */
  readonly bundleFile: string
}

/**
 * The environment a launched agent gets: the broker, its session, base URLs of its client's services and,
 * with `ca`, the broker as its HTTP(S) proxy (the session in the proxy URL's password) and the CA files
 * that make its intercepted hosts' certificates trusted.
 */
export function sessionEnvironment(policy: Policy, tenant: string, brokerUrl: string, token: string, ca?: SessionCaFiles): Record<string, string> {
  const prefix = `${brokerUrl}/_t/${token}`
  const env: Record<string, string> = {OUTLOOP_BROKER_URL: brokerUrl, OUTLOOP_SESSION: token, OUTLOOP_TENANT: tenant, OUTLOOP_BROKER_BASE: prefix}
  if (ca) {
    const proxy = brokerUrl.replace(/^http:\/\//, `http://outloop:${token}@`)
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) env[name] = proxy
    for (const name of ['NO_PROXY', 'no_proxy']) env[name] = 'localhost,127.0.0.1,::1'
    env.NODE_EXTRA_CA_CERTS = ca.caFile
    for (const name of ['SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'GIT_SSL_CAINFO']) env[name] = ca.bundleFile
  }
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
 * token when CMD exits. Placeholder values in the environment stay placeholders. Returns CMD's exit code and the session.
 */
export async function runAgentSession(options: RunSessionOptions): Promise<RunSessionResult> {
  if (options.command.length === 0) throw new UserError('No command to run.', 'outloop run -- claude (everything after -- is the command)')
  const warn = options.warn ?? (() => {})
  const dir = resolveWorkspaceDir(options.workspace)
  const bindings = readWorkspaceBindings(options.home)
  const binding = findWorkspaceBinding(bindings, dir)
  if (!binding) throw new UserError(`${dir} is not connected to a client.`, `outloop connect ${dir} --tenant <client>`)
  const {policy} = loadBrokerPolicy(options.home)
  // Proxy mode: the CA files live outside OUTLOOP_HOME (which the sandbox hides), in a folder of this run only.
  const caFiles = options.mode === 'inject' ? null : await writeSessionCaFiles(options.home)
  try {
    return await runWithCaFiles(options, binding, bindings, policy, caFiles, warn, dir)
  } finally {
    if (caFiles) rmSync(dirname(caFiles.caFile), {recursive: true, force: true})
  }
}

async function writeSessionCaFiles(home: string): Promise<SessionCaFiles> {
  const {loadOrCreateLocalCa, writeCaBundle} = await import('../broker/ca.js')
  const ca = loadOrCreateLocalCa(home)
  const folder = mkdtempSync(join(tmpdir(), 'outloop-run-'))
  chmodSync(folder, 0o755)
  const caFile = join(folder, 'outloop-ca.pem')
  writeFileSync(caFile, ca.certPem, {mode: 0o644})
  return {caFile, bundleFile: writeCaBundle(join(folder, 'ca-bundle.pem'), ca)}
}

async function runWithCaFiles(options: RunSessionOptions, binding: WorkspaceBinding, bindings: readonly WorkspaceBinding[], policy: Policy, caFiles: SessionCaFiles | null, warn: (message: string) => void, dir: string): Promise<RunSessionResult> {
  // Decided before anything starts, so a refusal leaves no broker, token or audit record behind.
  const sandbox = options.confine === false ? null : prepareSandbox(options.home, options.env, binding, bindings, caFiles ? [dirname(caFiles.caFile), PACKAGE_ROOT] : [])
  if (!sandbox) warn(unconfinedWarning(options.home, binding, bindings))
  if (options.mode === 'inject') {
    warn(`Inject mode puts ${binding.tenant}'s granted keys themselves into CMD's environment: ${sandbox ? 'the sandbox keeps other clients out, but ' : ''}CMD can read those values and send them anywhere. Proxy mode (the default) keeps every key in the broker.`)
  }
  const injected = options.mode === 'inject' ? await injectSecrets(options, policy, binding) : null
  // Judged on the environment before injection: the values inject mode puts in are the ones it means to hand over.
  const withheld = variablesHoldingKeys(options.env)
  if (withheld.length > 0) warn(`Not passed to the agent, since they hold plaintext keys: ${withheld.join(', ')}. Vault them (outloop vault set) and give the agent placeholders instead.`)
  const baseEnv = agentEnvironment(injected ? injected.env : options.env, withheld)
  // Checked here, since inside the sandbox a missing command is only bubblewrap's exit 1.
  if (!findExecutable(isAbsolute(options.command[0]) || !options.command[0].includes('/') ? options.command[0] : join(dir, options.command[0]), baseEnv)) throw new UserError(`Can't start ${options.command[0]}: no such command.`, 'Check the command after --.')
  const running = await findRunningBroker(options.home)
  const session = running ? null : await serveBroker({home: options.home, env: options.env, backend: options.backend, askPassphrase: options.askPassphrase, warn: options.warn})
  const brokerUrl = running?.url ?? session!.broker.url
  const {token, claims} = mintSessionToken(loadSessionKey(options.home), {tenant: binding.tenant, workspace: binding.dir, expiresAt: Date.now() + options.ttlMs, launcher: currentLauncher()})
  try {
    const sessionEnv = sessionEnvironment(policy, binding.tenant, brokerUrl, token, caFiles ?? undefined)
    const env: NodeJS.ProcessEnv = injected ? {...baseEnv, ...Object.fromEntries(Object.entries(sessionEnv).filter(([name]) => name.startsWith('OUTLOOP_')))} : {...baseEnv, ...sessionEnv}
    // Node's own fetch, http and https ignore HTTPS_PROXY: a preload in every Node process of the agent makes them use it.
    if (caFiles) env.NODE_OPTIONS = nodeOptionsWithPreload(env.NODE_OPTIONS, NODE_PROXY_PRELOAD)
    const toStderr = options.childStdout === 'stderr'
    const stdio: [ChildStdio, ChildStdio, ChildStdio] = injected ? ['inherit', 'pipe', 'pipe'] : ['inherit', toStderr ? 2 : 'inherit', 'inherit']
    const started = performance.now()
    const startedAt = new Date().toISOString()
    let child: ChildProcess
    let output: {stdout: Readable | null; stderr: Readable | null}
    let ran: Promise<boolean> = Promise.resolve(true)
    if (sandbox) {
      const confined = spawnConfined(sandbox.confinement, {command: options.command, cwd: dir, env, mounts: sandbox.mounts, stdio})
      child = confined.child
      output = confined
      ran = confined.ran
    } else {
      child = spawn(options.command[0], options.command.slice(1), {cwd: dir, stdio: [...stdio], env})
      output = child
    }
    if (injected) {
      for (const [from, to] of [[output.stdout!, toStderr ? process.stderr : process.stdout], [output.stderr!, process.stderr]] as const) {
        const masker = createOutputMasker(injected.values)
        from.on('data', (chunk: Buffer) => to.write(masker.push(chunk)))
        from.on('end', () => to.write(masker.flush()))
      }
    }
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    try {
      const code = await new Promise<number>((resolve, reject) => {
        child.on('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'ENOENT' ? new UserError(`Can't start ${sandbox ? sandbox.confinement.binary : options.command[0]}: no such command.`, 'Check the command after --.') : error),
        )
        // 'close', not 'exit': the masked output must be fully written before outloop itself exits.
        child.on('close', (code, signal) => resolve(code ?? 128 + (signal ? signalNumber(signal) : 0)))
      })
      // bubblewrap exits 1 when it can't set up or exec; a command that ran has its own exit code reported.
      if (sandbox && code === 1 && !(await ran)) throw new UserError(`The sandbox could not start ${options.command[0]} (bubblewrap's message is above).`, 'outloop status shows how runs are confined here; --no-sandbox runs the agent unconfined.')
      return {
        exitCode: code,
        sessionId: claims.id,
        tenant: binding.tenant,
        workspace: binding.dir,
        mode: options.mode ?? 'proxy',
        sandbox: sandbox ? sandbox.confinement.kind : null,
        brokerUrl,
        brokerStarted: session !== null,
        startedAt,
        durationMs: Math.round(performance.now() - started),
      }
    } finally {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
    }
  } finally {
    await revokeSession(options.home, claims)
    await session?.stop()
  }
}

/** The confinement and the agent's filesystem view for one session; a UserError where none is possible. */
function prepareSandbox(home: string, env: NodeJS.ProcessEnv, binding: WorkspaceBinding, bindings: readonly WorkspaceBinding[], alsoReadable: readonly string[]): {confinement: Exclude<Confinement, {kind: 'none'}>; mounts: ResolvedMount[]} {
  const confinement = detectConfinement(env)
  if (confinement.kind === 'none') {
    throw new UserError(`outloop run confines every agent, and can't here: ${confinement.reason}.`, 'Install bubblewrap (Linux) and try again, or run with --no-sandbox to start the agent unconfined (it then sees everything you can).')
  }
  const absoluteHome = resolve(home)
  try {
    const plan = planSandboxView({
      clientDir: binding.dir,
      outloopHome: existsSync(absoluteHome) ? realpathSync(absoluteHome) : absoluteHome,
      userHome: homedir(),
      otherClientDirs: bindings.filter((other) => other.tenant !== binding.tenant).map((other) => other.dir),
      besideClientDirs: besideClientFolders(bindings, binding.tenant),
      settings: withReadable(readSandboxSettings(home), alsoReadable),
      env,
    })
    return {confinement, mounts: resolveSandboxMounts(plan)}
  } catch (error) {
    if (error instanceof SandboxPlanError) throw new UserError(error.message, error.hint)
    throw error
  }
}

/**
 * What lies beside each connected client folder: the rest of the clients root (folders not connected yet,
 * which may still hold plaintext keys, shared areas, loose notes). A folder directly in the home folder (or at
 * the root) has no clients root around it: the home's other contents are not hidden for it.
 */
function besideClientFolders(bindings: readonly WorkspaceBinding[], tenant: string): string[] {
  const home = homedir()
  const ownFolders = new Set(bindings.filter((b) => b.tenant === tenant).map((b) => b.dir))
  const beside = new Set<string>()
  for (const parent of new Set(bindings.map((b) => dirname(b.dir)))) {
    if (parent === dirname(parent) || isWithin(home, parent)) continue
    let names: string[]
    try {
      names = readdirSync(parent)
    } catch {
      continue
    }
    for (const name of names) {
      const path = join(parent, name)
      if (!ownFolders.has(path) && ![...ownFolders].some((own) => isWithin(own, path))) beside.add(path)
    }
  }
  return [...beside]
}

/** The preload `outloop run` adds to the agent's NODE_OPTIONS (in the package, outside OUTLOOP_HOME). */
export const NODE_PROXY_PRELOAD = fileURLToPath(new URL('../../bin/node-proxy-preload.cjs', import.meta.url))

/** outloop's own package (the preload and the undici it loads): readable inside the sandbox wherever it is installed. */
const PACKAGE_ROOT = dirname(dirname(NODE_PROXY_PRELOAD))

/** NODE_OPTIONS with `--require "<preload>"` added once (quoted, for paths with spaces). */
export function nodeOptionsWithPreload(existing: string | undefined, preload: string): string {
  const option = `--require ${JSON.stringify(preload)}`
  if (existing?.includes(preload)) return existing
  return existing ? `${existing} ${option}` : option
}

function withReadable(settings: ReturnType<typeof readSandboxSettings>, paths: readonly string[]): ReturnType<typeof readSandboxSettings> {
  return paths.length === 0 ? settings : {...settings, readable: [...settings.readable, ...paths]}
}

/** What an unconfined agent can reach, said before it starts (`--no-sandbox`). */
function unconfinedWarning(home: string, binding: WorkspaceBinding, bindings: readonly WorkspaceBinding[]): string {
  const others = bindings.filter((other) => other.tenant !== binding.tenant)
  return [
    `--no-sandbox: the agent runs unconfined, as your OS user, and can read and change everything you can, including:`,
    `  ${resolve(home)} (OUTLOOP_HOME: the vault, the session and audit keys, the policy and the bindings)`,
    ...(others.length > 0 ? [`  ${others.length} other client folder${others.length === 1 ? '' : 's'} (${others.slice(0, 3).map((o) => o.dir).join(', ')}${others.length > 3 ? ', …' : ''})`] : []),
    `  /proc of your processes (the environment of any you started with a key in it), your keyring and D-Bus, ~/.ssh and other credential stores`,
  ].join('\n')
}

/**
 * Inject mode: resolves this client's placeholders in the environment to their values (only secrets the
 * policy grants the client; `outloop://@client/<name>` is this client's), refusing any reference to another
 * client's secret. Each decision is audited, and the launch is refused when the audit log can't be written.
 */
async function injectSecrets(options: RunSessionOptions, policy: Policy, binding: WorkspaceBinding): Promise<{env: NodeJS.ProcessEnv; values: Array<{value: SecretValue; label: string}>}> {
  const paths = brokerPaths(options.home)
  const audit = new AuditLogWriter(paths.auditDir, loadOrCreateKeyFile(paths.auditKey, paths.auditDir))
  const granted = new Set((policy.clients.get(binding.tenant) ?? []).map((grant) => grant.secret))
  const record = (variable: string, secret: string | null, decision: 'allowed' | 'denied', reason: string): void => {
    try {
      audit.append({time: new Date().toISOString(), client: binding.tenant, workspace: binding.dir, service: null, secret, method: 'ENV', host: null, path: `/env/${variable}`, status: decision === 'allowed' ? 200 : 403, decision, reason, durationMs: 0})
    } catch {
      throw new UserError(`Can't write the audit log of ${binding.tenant}, so no secret is injected.`, `Check that ${paths.auditDir} is writable.`)
    }
  }
  try {
    const env = {...options.env}
    const values: Array<{value: SecretValue; label: string}> = []
    let store: SecretStore | null = null
    const withRefs = Object.entries(options.env).flatMap(([variable, value]) => (value && value.includes('outloop://') ? [{variable, value, refs: findSecretRefs(value, {client: binding.tenant})}] : []))
    // Every reference is checked before any is resolved: one foreign reference and nothing is injected.
    for (const {variable, refs} of withRefs) {
      const foreign = refs.find((found) => found.ref.tenant !== binding.tenant)
      if (foreign) {
        record(variable, foreign.ref.name, 'denied', 'tenant-mismatch')
        throw new UserError(`${variable} refers to another client's secret (${formatSecretRef(foreign.ref)}); this folder is connected to ${binding.tenant}. Nothing was started.`, "Use this client's own secret, or run the agent from the other client's folder.")
      }
    }
    for (const {variable, value, refs} of withRefs) {
      let resolved = value
      for (const found of [...refs].reverse()) {
        if (!granted.has(found.ref.name)) {
          record(variable, found.ref.name, 'denied', 'secret-not-allowed')
          throw new UserError(`${variable} refers to ${formatSecretRef(found.ref)}, which the policy does not grant to ${binding.tenant}. Nothing was started.`, 'Add a grant for it in the policy, or remove the reference.')
        }
        store ??= openVaultForService({home: options.home, env: options.env, backend: options.backend, askPassphrase: options.askPassphrase}).store
        const stored = await store.get(found.ref)
        if (!stored) throw new UserError(`${variable} refers to ${formatSecretRef(found.ref)}, which is not in the vault. Nothing was started.`, 'outloop vault list shows what is there.')
        if (/[\0]/.test(stored.value.reveal())) throw new UserError(`${formatSecretRef(found.ref)} can't go into an environment variable (it holds a NUL byte).`)
        values.push({value: stored.value, label: `[${formatSecretRef(found.ref)}]`})
        resolved = resolved.slice(0, found.start) + stored.value.reveal() + resolved.slice(found.end)
      }
      for (const found of refs) record(variable, found.ref.name, 'allowed', 'injected')
      env[variable] = resolved
    }
    return {env, values}
  } finally {
    audit.close()
  }
}

/** What unlocks the vault, and the addresses of keyrings and key agents, stay with outloop. */
function agentEnvironment(env: NodeJS.ProcessEnv, holdingKeys: readonly string[]): NodeJS.ProcessEnv {
  const out = {...env}
  for (const name of [...WITHHELD_ENVIRONMENT, ...holdingKeys]) delete out[name]
  return out
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15} as Record<string, number>)[signal] ?? 1
}
