import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {REPO_ROOT, type CliResult} from '../helpers/tree.js'

const BIN = join(REPO_ROOT, 'bin', 'run.js')

/** Runs the built CLI as a real process with OUTLOOP_HOME set, feeding `input` on stdin (closed, empty, when absent). */
export function runCliWithInput(args: string[], options: {home: string; input?: string; env?: NodeJS.ProcessEnv}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: {...process.env, NO_COLOR: '1', ...options.env, OUTLOOP_HOME: options.home},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
    child.stdin.end(options.input ?? '')
  })
}

/** A CLI runner for one OUTLOOP_HOME and environment that keeps every output, for the no-secret check at the end. */
export function recordingCli(home: string, env: NodeJS.ProcessEnv): {cli: (args: string[], input?: string) => Promise<CliResult>; outputs: string[]} {
  const outputs: string[] = []
  const cli = async (args: string[], input?: string): Promise<CliResult> => {
    const result = await runCliWithInput(args, {home, input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  return {cli, outputs}
}

/** Every file under `dir` (recursively), with its bytes and mode. */
export function filesUnder(dir: string): Array<{path: string; bytes: Buffer; mode: number}> {
  const out: Array<{path: string; bytes: Buffer; mode: number}> = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const st = statSync(path)
    if (st.isDirectory()) out.push(...filesUnder(path))
    else out.push({path, bytes: readFileSync(path), mode: st.mode & 0o777})
  }
  return out
}

/** A digest of every file under `dir`, to prove that a refused command changed nothing. */
export function snapshotTree(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f.path, createHash('sha256').update(f.bytes).digest('hex')]))
}

/** Asserts that no file's bytes contain a value in any common encoding (UTF-8, UTF-16, base64, base64url, hex). */
export function findClearValues(dir: string, values: readonly string[]): string[] {
  const hits: string[] = []
  const files = filesUnder(dir)
  for (const value of values) {
    const encodings = [
      Buffer.from(value, 'utf8'),
      Buffer.from(value, 'utf16le'),
      Buffer.from(Buffer.from(value).toString('base64').slice(0, -4)),
      Buffer.from(Buffer.from(value).toString('base64url').slice(0, -4)),
      Buffer.from(Buffer.from(value).toString('hex')),
      // A long middle piece, in case a format splits or escapes the ends.
      Buffer.from(value.slice(4, -4), 'utf8'),
    ]
    for (const file of files) for (const enc of encodings) if (enc.length >= 8 && file.bytes.includes(enc)) hits.push(file.path)
  }
  return hits
}
