import {spawn, type SpawnOptions} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {expect} from 'vitest'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const BIN = join(REPO_ROOT, 'bin', 'run.js')

/** A fresh temporary folder; removed by the returned cleanup. */
export function makeTempDir(prefix = 'outloop-test-'): {dir: string; cleanup: () => void} {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return {dir, cleanup: () => rmSync(dir, {recursive: true, force: true})}
}

/** Writes files (relative path → content) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel)
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, content)
  }
}

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built CLI (`bin/run.js`) as a real process, with OUTLOOP_HOME set to `home`. */
export function runCli(args: string[], options: {home: string; cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const spawnOptions: SpawnOptions = {
      cwd: options.cwd ?? REPO_ROOT,
      env: {...process.env, NO_COLOR: '1', ...options.env, OUTLOOP_HOME: options.home},
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    }
    const child = spawn(process.execPath, [BIN, ...args], spawnOptions)
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d) => (stdout += d))
    child.stderr?.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({code, stdout, stderr}))
  })
}

/** Asserts that none of the planted secrets (nor a long piece of one) appears in any of the texts. */
export function expectNoSecrets(texts: string | string[], secrets: Iterable<string>): void {
  const all = Array.isArray(texts) ? texts.join('\n') : texts
  for (const secret of secrets) {
    expect(all.includes(secret), 'a planted secret appeared in output').toBe(false)
    // A preview shows a short prefix and 4 trailing characters; any 12-character window beyond that is a leak.
    const body = secret.slice(Math.min(8, Math.floor(secret.length / 4)), -4)
    for (let i = 0; i + 12 <= body.length; i += 6) expect(all.includes(body.slice(i, i + 12)), 'part of a planted secret appeared in output').toBe(false)
  }
}

/** A long-running CLI process (`serve`, `migrate --serve`): its merged output so far, a wait for a line, a stop. */
export interface RunningCli {
  readonly output: () => string
  /** Resolves with the first match of `pattern` in the output; throws, quoting the output, after `ms`. */
  readonly waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpExecArray>
  /** Sends `signal` and resolves with the exit code and everything printed. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<{code: number | null; output: string}>
}

/** Starts the built CLI in the background with OUTLOOP_HOME set to `home`. */
export function spawnCli(args: string[], options: {home: string; env?: NodeJS.ProcessEnv}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {env: {...process.env, NO_COLOR: '1', ...options.env, OUTLOOP_HOME: options.home}, stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const closed = new Promise<number | null>((resolvePromise) => child.on('close', resolvePromise))
  return {
    output: () => output,
    async waitFor(pattern, ms = 20_000) {
      for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const match = pattern.exec(output)
        if (match) return match
      }
      throw new Error(`the CLI never printed ${pattern}:\n${output}`)
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return {code: await closed, output}
    },
  }
}
