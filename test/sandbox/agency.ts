import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {startFakeUpstream, type FakeUpstream} from '../broker/harness.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {REPO_ROOT, type CliResult} from '../helpers/tree.js'

/** An OS user the tests run outloop as: root (this process) or an unprivileged one made for the tests. */
export interface TestUser {
  readonly name: string
  readonly uid: number
  readonly gid: number
  readonly home: string
}

const AGENT_USER = 'outloop-agent-test'

/** The unprivileged user (created with useradd the first time), or null when this process is not root. */
export function unprivilegedUser(): TestUser | null {
  if (process.getuid?.() !== 0) return null
  if (spawnSync('id', ['-u', AGENT_USER]).status !== 0) {
    const made = spawnSync('useradd', ['--create-home', '--shell', '/bin/sh', AGENT_USER], {encoding: 'utf8'})
    if (made.status !== 0) throw new Error(`useradd failed: ${made.stderr}`)
  }
  const id = (flag: string) => Number(spawnSync('id', [flag, AGENT_USER], {encoding: 'utf8'}).stdout.trim())
  const home = spawnSync('sh', ['-c', `getent passwd ${AGENT_USER} | cut -d: -f6`], {encoding: 'utf8'}).stdout.trim()
  return {name: AGENT_USER, uid: id('-u'), gid: id('-g'), home}
}

/** This process's own user. */
export function currentUser(): TestUser {
  return {name: 'root', uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, home: process.env.HOME ?? '/root'}
}

/**
 * The repository as `user` can reach it. A clone under /root is out of an unprivileged user's reach, so it is
 * bind-mounted at a path anyone can traverse (we are root whenever that user exists).
 */
export function repoFor(user: TestUser): {root: string; release: () => void} {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(REPO_ROOT, 'bin', 'run.js'))})`], {uid: user.uid, gid: user.gid})
  if (probe.status === 0) return {root: REPO_ROOT, release: () => {}}
  const mountPoint = mkdtempSync('/tmp/outloop-repo-')
  chmodSync(mountPoint, 0o755)
  const mounted = spawnSync('mount', ['--bind', REPO_ROOT, mountPoint], {encoding: 'utf8'})
  if (mounted.status !== 0) throw new Error(`can't make the repository reachable for ${user.name}: ${mounted.stderr}`)
  return {
    root: mountPoint,
    release: () => {
      spawnSync('umount', [mountPoint])
      rmSync(mountPoint, {recursive: true, force: true})
    },
  }
}

/** Two connected clients with a key each, a policy, a real D-Bus session bus, a loopback upstream, and `outloop serve`. */
export interface Agency {
  readonly user: TestUser
  readonly repo: string
  readonly root: string
  readonly home: string
  readonly acme: string
  readonly globex: string
  readonly upstream: FakeUpstream
  /** Keys in clear: acme's and globex's (vaulted), and one in a client folder not connected yet (initech). */
  readonly keys: {acme: string; globex: string; initech: string}
  /** A client folder beside acme's that was never connected, still holding a plaintext key. */
  readonly unconnected: string
  readonly passphrase: string
  readonly env: NodeJS.ProcessEnv
  readonly dbus: {address: string; socket: string}
  readonly serve: {pid: number; url: string}
  /** Every output captured from the CLI, for the no-secret assertion. */
  readonly outputs: string[]
  cli(args: string[], options?: {input?: string; env?: NodeJS.ProcessEnv; cwd?: string}): Promise<CliResult>
  spawn(args: string[], options?: {env?: NodeJS.ProcessEnv; cwd?: string}): ChildProcess
  close(): Promise<void>
}

/** Builds the agency as `user` would have it, through the real CLI. */
export async function makeAgency(user: TestUser): Promise<Agency> {
  const {root: repo, release} = repoFor(user)
  const root = mkdtempSync('/tmp/outloop-agency-')
  chmodSync(root, 0o755)
  const home = join(root, 'home')
  const acme = join(root, 'clients', 'acme')
  const globex = join(root, 'clients', 'globex')
  const run = join(root, 'run')
  for (const dir of [acme, globex, run]) mkdirSync(dir, {recursive: true})
  chmodSync(run, 0o700)
  const keys = {acme: fakeKeyOf('OpenAI').key, globex: fakeKeyOf('OpenAI').key, initech: fakeKeyOf('OpenAI').key}
  writeFileSync(join(globex, '.env'), `OPENAI_API_KEY=${keys.globex}\n`)
  const unconnected = join(root, 'clients', 'initech')
  mkdirSync(unconnected)
  writeFileSync(join(unconnected, '.env'), `OPENAI_API_KEY=${keys.initech}\n`)
  writeFileSync(join(acme, '.env'), 'OPENAI_API_KEY=outloop://acme/openai-api-key\n')
  writeFileSync(join(user.home, '.bashrc'), '# the operator\'s shell start-up file\n', {flag: 'a'})
  chownTree(root, user)
  chownSync(join(user.home, '.bashrc'), user.uid, user.gid)

  // A real session bus for this user, at a known path: the route an agent would take to the Secret Service.
  const socket = join(run, 'bus')
  const address = `unix:path=${socket}`
  const bus = spawn('dbus-daemon', ['--session', '--nofork', `--address=${address}`], {uid: user.uid, gid: user.gid, stdio: 'ignore', env: {PATH: process.env.PATH, HOME: user.home}})
  for (let i = 0; i < 100 && !exists(socket); i++) await new Promise((r) => setTimeout(r, 50))

  const upstream = await startFakeUpstream()
  const passphrase = 'pass ' + randomString(ALNUM, 20)
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: user.home,
    USER: user.name,
    NO_COLOR: '1',
    OUTLOOP_HOME: home,
    OUTLOOP_VAULT: 'file',
    OUTLOOP_PASSPHRASE: passphrase,
    XDG_RUNTIME_DIR: run,
    DBUS_SESSION_BUS_ADDRESS: address,
  }
  const outputs: string[] = []
  const bin = join(repo, 'bin', 'run.js')
  const spawnAs = (args: string[], options: {env?: NodeJS.ProcessEnv; cwd?: string} = {}): ChildProcess =>
    spawn(process.execPath, [bin, ...args], {cwd: options.cwd ?? root, env: {...env, ...options.env}, uid: user.uid, gid: user.gid, stdio: ['pipe', 'pipe', 'pipe']})
  const cli = (args: string[], options: {input?: string; env?: NodeJS.ProcessEnv; cwd?: string} = {}): Promise<CliResult> =>
    new Promise((resolve, reject) => {
      const child = spawnAs(args, options)
      let stdout = ''
      let stderr = ''
      child.stdout!.on('data', (d) => (stdout += d))
      child.stderr!.on('data', (d) => (stderr += d))
      child.on('error', reject)
      child.on('close', (code) => {
        outputs.push(stdout, stderr)
        resolve({code, stdout, stderr})
      })
      child.stdin!.end(options.input ?? '')
    })
  const must = async (args: string[], input?: string): Promise<void> => {
    const result = await cli(args, {input})
    if (result.code !== 0) throw new Error(`outloop ${args.join(' ')} failed: ${result.stderr}`)
  }
  await must(['init', '--vault', 'file', '--master-key', 'passphrase'])
  // The agents these tests launch run scripts from the repository; a clone under /tmp (as CI may make it)
  // would be inside the agent's private /tmp, so it is shown read-only, as an operator would show a tool.
  writeFileSync(join(home, 'config.yaml'), agencySandboxSettings(repo))
  chownSync(join(home, 'config.yaml'), user.uid, user.gid)
  await must(['vault', 'set', 'acme/openai-api-key'], keys.acme)
  await must(['vault', 'set', 'globex/openai-api-key'], keys.globex)
  writeFileSync(join(home, 'policy.yaml'), `services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      methods: [POST]\n      paths: ["/v1/chat/completions"]\n    - {secret: openai-api-key, service: openai, methods: [POST], paths: ["/v1/responses"], approve: always, approveWithin: 8s}\n  globex:\n    - {secret: openai-api-key, service: openai}\n`)
  chownSync(join(home, 'policy.yaml'), user.uid, user.gid)
  await must(['connect', acme, '--tenant', 'acme'])
  await must(['connect', globex, '--tenant', 'globex'])

  const serveProcess = spawnAs(['serve', '--port', '0'])
  let serveOutput = ''
  serveProcess.stdout!.on('data', (d) => (serveOutput += d))
  serveProcess.stderr!.on('data', (d) => (serveOutput += d))
  serveProcess.stdin!.end()
  let url = ''
  for (let i = 0; i < 400 && !url; i++) {
    url = /Broker listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(serveOutput)?.[1] ?? ''
    if (!url) await new Promise((r) => setTimeout(r, 50))
  }
  if (!url) throw new Error(`outloop serve did not start: ${serveOutput}`)

  return {
    user,
    repo,
    root,
    home,
    acme,
    globex,
    upstream,
    keys,
    unconnected,
    passphrase,
    env,
    dbus: {address, socket},
    serve: {pid: serveProcess.pid!, url},
    outputs,
    cli,
    spawn: spawnAs,
    close: async () => {
      serveProcess.kill('SIGTERM')
      await new Promise((r) => serveProcess.once('close', r))
      outputs.push(serveOutput)
      bus.kill('SIGTERM')
      await upstream.close()
      rmSync(root, {recursive: true, force: true})
      release()
    },
  }
}

/** The agency's OUTLOOP_HOME/config.yaml, plus `extra` lines of its sandbox section. */
export function agencySandboxSettings(repo: string, extra = ''): string {
  return `sandbox:\n  readable: [${JSON.stringify(repo)}]\n${extra}`
}

/** Every file under a folder, recursively. */
export function filesBelow(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesBelow(path))
    else out.push(path)
  }
  return out
}

function chownTree(dir: string, user: TestUser): void {
  chownSync(dir, user.uid, user.gid)
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) chownTree(path, user)
    else chownSync(path, user.uid, user.gid)
  }
}

function exists(path: string): boolean {
  try {
    statSync(path)
    return true
  } catch {
    return false
  }
}
