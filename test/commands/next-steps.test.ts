import {execFile, spawn} from 'node:child_process'
import {appendFileSync, chmodSync, existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {promisify} from 'node:util'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {readWorkspaceBindings} from '../../src/broker/bindings.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {startFakeUpstream, type FakeUpstream} from '../broker/harness.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

const run = promisify(execFile)

/** What `migrate --yes` prints as the next steps must work when run as printed, and end in a working broker. */
describe('the steps printed after a migration', () => {
  let dir: string
  let cleanup: () => void
  let root: string
  let home: string
  let upstream: FakeUpstream
  let env: NodeJS.ProcessEnv
  const openai = detectableFake('openai-project-key')
  const anthropic = detectableFake('anthropic-api-key')
  const sendgrid = detectableFake('sendgrid-api-key')
  const secrets = [openai, anthropic, sendgrid]
  const passphrase = 'steps ' + randomString(ALNUM, 16)
  const outputs: string[] = []
  const cli = async (args: string[]): Promise<CliResult> => {
    const result = await runCli(args, {home, env: {OUTLOOP_PASSPHRASE: passphrase, OUTLOOP_VAULT: ''}})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeEach(async () => {
    ;({dir, cleanup} = makeTempDir('outloop-next-steps-'))
    root = join(dir, 'clients')
    home = join(dir, 'home')
    outputs.length = 0
    upstream = await startFakeUpstream()
    writeTree(root, {'acme/.env': `OPENAI_API_KEY=${openai}\nSENDGRID_API_KEY=${sendgrid}\n`, 'globex/.env': `ANTHROPIC_API_KEY=${anthropic}\n`})
    // `outloop` on PATH, as a user who installed it has it: the printed lines run through a real shell.
    const shim = join(dir, 'bin', 'outloop')
    writeTree(dir, {'bin/outloop': `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(resolve('bin/run.js'))} "$@"\n`})
    chmodSync(shim, 0o755)
    env = {...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, OUTLOOP_HOME: home, OUTLOOP_PASSPHRASE: passphrase, OUTLOOP_VAULT: '', NO_COLOR: '1'}
  })
  afterEach(async () => {
    await upstream.close()
    expectNoSecrets(outputs, [...secrets, passphrase])
    cleanup()
  })

  it('run verbatim, they connect the clients, write the policy and serve a broker that answers an allowed call', async () => {
    const migrated = await cli(['migrate', root, '--yes'])
    expect(migrated.code, migrated.stderr).toBe(0)
    const printed = migrated.stdout.slice(migrated.stdout.indexOf('Next:')).split('\n').slice(1).map((l) => l.trim()).filter(Boolean)
    expect(printed).toEqual([`outloop connect ${join(root, 'acme')} --tenant acme`, `outloop connect ${join(root, 'globex')} --tenant globex`, 'outloop policy init', 'outloop serve'])
    for (const line of printed.slice(0, -1)) {
      const {stdout, stderr} = await run('sh', ['-c', line], {env})
      outputs.push(stdout, stderr)
    }
    expect(readWorkspaceBindings(home).map((b) => b.tenant)).toEqual(['acme', 'globex'])
    const policyFile = join(home, 'policy.yaml')
    expect(readFileSync(policyFile, 'utf8')).toContain('service: openai')
    // The one thing a test adds: the OpenAI preset pointed at the loopback stand-in (a documented preset override).
    appendFileSync(policyFile, `services:\n  openai:\n    upstream: ${upstream.url}\n`)

    // `status` names the vaulted key no built-in service covers, which the broker will refuse.
    const status = await cli(['status'])
    expect(status.stdout).toContain('Refused until granted in the policy (1 vaulted key of connected clients):\n  outloop://acme/sendgrid-api-key')

    // Tests never bind a fixed port: the printed `outloop serve`, given port 0.
    const serve = spawn('sh', ['-c', `exec ${printed.at(-1)} --port 0`], {env, stdio: ['ignore', 'pipe', 'pipe']})
    let served = ''
    serve.stdout.on('data', (d) => (served += d))
    serve.stderr.on('data', (d) => (served += d))
    try {
      for (const deadline = Date.now() + 20_000; !/http:\/\/127\.0\.0\.1:\d+\n/.test(served) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50))
      expect(served).toMatch(/Broker listening on http:\/\/127\.0\.0\.1:\d+/)
      const agent = `fetch(process.env.OPENAI_BASE_URL + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer ' + process.env.KEY}, body: '{}'}).then((r) => console.log(r.status))`
      const call = await runCli(['run', '--workspace', join(root, 'acme'), '--', 'sh', '-c', `KEY=outloop://acme/openai-api-key ${JSON.stringify(process.execPath)} -e "${agent.replaceAll('"', '\\"')}"`], {home, env: {OUTLOOP_PASSPHRASE: passphrase, OUTLOOP_VAULT: ''}})
      outputs.push(call.stdout, call.stderr)
      expect(call.stdout.trim(), call.stderr).toBe('200')
      expect(upstream.seen).toHaveLength(1)
      expect(upstream.seen[0].headers.authorization).toBe(`Bearer ${openai}`)
    } finally {
      serve.kill('SIGTERM')
      await new Promise((r) => serve.on('close', r))
      outputs.push(served)
    }
  }, 90_000)

  it('migrate --yes --connect after a finished migration connects the clients and writes the policy', async () => {
    expect((await cli(['migrate', root, '--yes'])).code).toBe(0)
    expect(existsSync(join(home, 'policy.yaml'))).toBe(false)
    const again = await cli(['migrate', root, '--yes', '--connect'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain('Nothing to migrate')
    expect(again.stdout).toContain(`Wrote a starter policy to ${join(home, 'policy.yaml')}`)
    expect(again.stdout).toContain('Refused until granted in the policy (no built-in service, or not granted there): outloop://acme/sendgrid-api-key.')
    expect(readWorkspaceBindings(home).map((b) => b.tenant)).toEqual(['acme', 'globex'])
    const policy = readFileSync(join(home, 'policy.yaml'), 'utf8')
    expect(policy).toContain('secret: openai-api-key')
    expect(policy).toContain('secret: anthropic-api-key')
    expect(policy).not.toContain('outloop.migrate')
  }, 90_000)
})
