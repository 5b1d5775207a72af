import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {accessSync, constants, existsSync, lstatSync, realpathSync, statSync} from 'node:fs'
import {delimiter, isAbsolute, join} from 'node:path'
import type {Readable, Writable} from 'node:stream'

import {bwrapArguments, type ResolvedMount} from './bwrap.js'
import {sandboxExecProfile} from './macos.js'
import type {SandboxMount} from './profile.js'
import {buildSeccompFilter, isSeccompArch} from './seccomp.js'

/** How this machine can confine an agent, or why it can't. */
export type Confinement =
  | {readonly kind: 'bubblewrap'; readonly binary: string; readonly version: string}
  | {readonly kind: 'sandbox-exec'; readonly binary: string}
  | {readonly kind: 'none'; readonly reason: string}

const SANDBOX_EXEC = '/usr/bin/sandbox-exec'

/**
 * Finds the confinement `outloop run` would use here, and checks that it really works (bubblewrap fails
 * where user namespaces are off). Costs one short bwrap start on Linux.
 */
export function detectConfinement(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Confinement {
  if (platform === 'darwin') return existsSync(SANDBOX_EXEC) ? {kind: 'sandbox-exec', binary: SANDBOX_EXEC} : {kind: 'none', reason: `${SANDBOX_EXEC} is missing`}
  if (platform !== 'linux') return {kind: 'none', reason: `no sandbox is known on ${platform}`}
  if (!isSeccompArch(process.arch)) return {kind: 'none', reason: `outloop has no seccomp filter for ${process.arch}`}
  const binary = findExecutable('bwrap', env)
  if (!binary) return {kind: 'none', reason: 'bubblewrap (bwrap) is not installed: apt-get install bubblewrap, or dnf install bubblewrap'}
  const probe = spawnSync(binary, ['--ro-bind', '/', '/', '--unshare-pid', '--unshare-ipc', '--cap-drop', 'ALL', '--', 'true'], {env: {PATH: env.PATH ?? '/usr/bin:/bin'}, encoding: 'utf8', timeout: 5000})
  if (probe.status !== 0) {
    const said = (probe.stderr ?? '').split('\n').find((line) => line.trim() !== '')?.replace(/^bwrap:\s*/, '') ?? 'no message'
    return {kind: 'none', reason: `bubblewrap can't create a sandbox here (${said.slice(0, 200)}); user namespaces may be disabled`}
  }
  const version = spawnSync(binary, ['--version'], {encoding: 'utf8', timeout: 5000}).stdout?.trim().replace(/^bubblewrap\s+/, '') ?? 'unknown'
  return {kind: 'bubblewrap', binary, version}
}

/** The first executable called `name` on PATH, or the path itself when it has a slash. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv): string | null {
  const candidates = name.includes('/') ? [name] : (env.PATH ?? '').split(delimiter).filter((dir) => isAbsolute(dir)).map((dir) => join(dir, name))
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not here
    }
  }
  return null
}

/** The plan's paths as they are on this machine: real paths, missing ones dropped (there is nothing to hide). */
export function resolveSandboxMounts(plan: readonly SandboxMount[]): ResolvedMount[] {
  const resolved: ResolvedMount[] = []
  const seen = new Set<string>()
  for (const mount of plan) {
    let real: string
    try {
      lstatSync(mount.path)
      real = realpathSync(mount.path)
    } catch {
      continue
    }
    if (seen.has(real)) continue
    seen.add(real)
    resolved.push({...mount, path: real, type: statSync(real).isDirectory() ? 'dir' : 'file'})
  }
  return resolved
}

/** One of a child's standard streams: this process's own, a pipe, or one of this process's descriptors. */
export type ChildStdio = 'inherit' | 'pipe' | number

export interface ConfinedSpawnOptions {
  readonly command: readonly string[]
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  readonly mounts: readonly ResolvedMount[]
  /** stdin, stdout, stderr as for child_process.spawn (a number: that descriptor of this process). */
  readonly stdio: readonly [ChildStdio, ChildStdio, ChildStdio]
}

/** A started sandbox: the process, and whether the command inside really ran (false: set-up or exec failed). */
export interface ConfinedChild {
  readonly child: ChildProcess
  readonly stdout: Readable | null
  readonly stderr: Readable | null
  /** Resolves when bubblewrap has reported the command's exit code; false when it exited without one. */
  readonly ran: Promise<boolean>
}

/** Starts CMD inside the confinement. The environment given is all the agent gets. */
export function spawnConfined(confinement: Exclude<Confinement, {kind: 'none'}>, options: ConfinedSpawnOptions): ConfinedChild {
  if (confinement.kind === 'sandbox-exec') {
    const child = spawn(confinement.binary, ['-p', sandboxExecProfile(options.mounts), '--', ...options.command], {cwd: options.cwd, env: options.env, stdio: [...options.stdio]})
    return {child, stdout: child.stdout, stderr: child.stderr, ran: new Promise((resolve) => child.on('close', () => resolve(true)))}
  }
  const args = bwrapArguments(options.mounts, {chdir: options.cwd, seccompFd: 3, statusFd: 4})
  const child = spawn(confinement.binary, [...args, '--', ...options.command], {cwd: options.cwd, env: options.env, stdio: [...options.stdio, 'pipe', 'pipe']})
  const filter = child.stdio[3] as Writable
  filter.on('error', () => {})
  filter.end(buildSeccompFilter(process.arch as 'x64' | 'arm64'))
  const status = child.stdio[4] as Readable
  let report = ''
  status.on('data', (chunk: Buffer) => (report += chunk.toString('utf8')))
  const ran = new Promise<boolean>((resolve) => {
    status.on('error', () => resolve(false))
    status.on('close', () => resolve(/"exit-code"/.test(report)))
  })
  return {child, stdout: child.stdout, stderr: child.stderr, ran}
}
