import {spawn} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT, runCli} from '../helpers/tree.js'

/** Starts `serve` through `entry` and waits for it to listen; returns its pid, its environment block and its output. */
async function startServe(entry: string[], env: NodeJS.ProcessEnv): Promise<{pid: number; environ: string; output: () => string; stop: () => Promise<void>}> {
  const child = spawn(entry[0], [...entry.slice(1), 'serve', '--port', '0'], {env, stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  for (let i = 0; i < 300 && !/Broker listening/.test(output); i++) await new Promise((r) => setTimeout(r, 50))
  expect(output).toMatch(/Broker listening/)
  const environ = readFileSync(`/proc/${child.pid}/environ`, 'latin1')
  return {
    pid: child.pid!,
    environ,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('close', r))
    },
  }
}

describe.skipIf(process.platform !== 'linux')('the passphrase of a long-running broker is not in its environment block', () => {
  let home: string
  let cleanup: () => void
  let env: NodeJS.ProcessEnv
  let passphrase: string

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-environ-')
    cleanup = tmp.cleanup
    home = join(tmp.dir, 'home')
    passphrase = 'pass ' + randomString(ALNUM, 20)
    env = {PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', OUTLOOP_HOME: home, OUTLOOP_VAULT: 'file', OUTLOOP_PASSPHRASE: passphrase}
    expect((await runCli(['init', '--master-key', 'passphrase'], {home, env})).code).toBe(0)
    writeFileSync(join(home, 'policy.yaml'), 'clients:\n  acme: []\n')
  })
  afterEach(() => cleanup())

  it('bin/outloop moves OUTLOOP_PASSPHRASE to a pipe before node starts; the broker still unlocks the vault', async () => {
    const serve = await startServe([join(REPO_ROOT, 'bin', 'outloop')], env)
    await serve.stop()
    expect(serve.environ).not.toContain('OUTLOOP_PASSPHRASE=')
    expect(serve.environ).not.toContain(passphrase)
    expect(serve.environ).toContain('OUTLOOP_PASSPHRASE_FD=3')
    expect(serve.output()).not.toMatch(/Warning/)
    expectNoSecrets(serve.output(), [passphrase])
  })

  it('node bin/run.js serve with the passphrase in its environment warns that /proc shows it', async () => {
    const serve = await startServe([process.execPath, join(REPO_ROOT, 'bin', 'run.js')], env)
    await serve.stop()
    expect(serve.environ).toContain('OUTLOOP_PASSPHRASE=')
    expect(serve.output()).toContain("Warning: OUTLOOP_PASSPHRASE is in this process's environment block")
    expectNoSecrets(serve.output(), [passphrase])
  })

  it('a wrong passphrase through the pipe is refused like one in the environment', async () => {
    const child = spawn(join(REPO_ROOT, 'bin', 'outloop'), ['serve', '--port', '0'], {env: {...env, OUTLOOP_PASSPHRASE: 'not the passphrase'}, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stderr.on('data', (d) => (output += d))
    const code = await new Promise((r) => child.once('close', r))
    expect(code).toBe(2)
    expect(output).toContain('wrong passphrase')
  })
})
