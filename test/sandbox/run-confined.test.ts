import {spawnSync} from 'node:child_process'
import {chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {detectConfinement} from '../../src/sandbox/launch.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets} from '../helpers/tree.js'
import {agencySandboxSettings, currentUser, makeAgency, unprivilegedUser, type Agency, type TestUser} from './agency.js'

const canConfine = detectConfinement(process.env).kind === 'bubblewrap'
const agentUser = unprivilegedUser()
const users: TestUser[] = [currentUser(), ...(agentUser ? [agentUser] : [])]

/** An ordinary agent in Node: calls its provider through the base URL it was given, with its placeholder as the key. */
const NODE_AGENT = `
const r = await fetch(process.env.OPENAI_BASE_URL + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer ' + process.env.OPENAI_API_KEY, 'content-type': 'application/json'}, body: '{}'})
console.log('node', r.status, (await r.json()).ok)
`
/** The same from a shell script with curl, which also writes its result into the workspace. */
const SHELL_AGENT = `set -e
code=$(curl -s -o body.json -w '%{http_code}' -X POST -H "authorization: Bearer $OPENAI_API_KEY" -H 'content-type: application/json' -d '{}' "$OPENAI_BASE_URL/chat/completions")
echo "shell $code"
mkdir -p out && echo "made inside" > out/result.txt
`

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits (up to 30 s, for a loaded machine) until a file exists. */
async function waitForFile(path: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      statSync(path)
      return
    } catch {
      await sleep(50)
    }
  }
  throw new Error(`${path} never appeared`)
}

describe.skipIf(!canConfine && process.env.CI !== 'true').each(users)('outloop run confines an ordinary agent that still works, as $name', (user) => {
  let agency: Agency
  let secrets: string[]

  beforeAll(async () => {
    agency = await makeAgency(user)
    secrets = [agency.keys.acme, agency.keys.globex, agency.passphrase]
  })
  afterAll(async () => {
    await agency?.close()
    if (agency) expectNoSecrets(agency.outputs, secrets)
  })

  it('a Node script and a shell script reach the broker and get answers; files written in the workspace stay', async () => {
    const node = await agency.cli(['run', '--workspace', agency.acme, '--', process.execPath, '--input-type=module', '-e', NODE_AGENT])
    expect(node.code, node.stderr).toBe(0)
    expect(node.stdout).toContain('node 200 true')
    writeFileSync(join(agency.acme, 'agent.sh'), SHELL_AGENT, {mode: 0o755})
    const shell = await agency.cli(['run', '--workspace', agency.acme, '--', 'sh', 'agent.sh'])
    expect(shell.code, shell.stderr).toBe(0)
    expect(shell.stdout).toContain('shell 200')
    expect(readFileSync(join(agency.acme, 'out', 'result.txt'), 'utf8')).toBe('made inside\n')
    expect(statSync(join(agency.acme, 'out', 'result.txt')).uid).toBe(user.uid)
    expect(agency.upstream.seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${agency.keys.acme}`, `Bearer ${agency.keys.acme}`])
  })

  it("takes the operator's sandbox settings, and leaves no process of the agent's behind", async () => {
    const hidden = join(agency.user.home, 'private-notes')
    const writable = join(agency.user.home, 'agent-state')
    for (const dir of [hidden, writable]) {
      mkdirSync(dir, {recursive: true})
      chownSync(dir, agency.user.uid, agency.user.gid)
    }
    writeFileSync(join(hidden, 'note.txt'), 'operator only\n')
    chownSync(join(hidden, 'note.txt'), agency.user.uid, agency.user.gid)
    const settings = join(agency.home, 'config.yaml')
    writeFileSync(settings, agencySandboxSettings(agency.repo, '  hide: [~/private-notes]\n  writable: [~/agent-state]\n'))
    const marker = `outloop-left-behind-${process.pid}`
    const script = `ls ${hidden} | wc -l; echo kept > ${writable}/state.txt; (exec -a ${marker} sleep 60 &) ; setsid sh -c 'exec -a ${marker} sleep 60' & echo started`
    const run = await agency.cli(['run', '--workspace', agency.acme, '--', 'bash', '-c', script])
    writeFileSync(settings, agencySandboxSettings(agency.repo))
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout.split('\n')[0].trim()).toBe('0')
    expect(readFileSync(join(writable, 'state.txt'), 'utf8')).toBe('kept\n')
    await sleep(200)
    expect(spawnSync('pgrep', ['-f', marker]).status, 'a process of the agent outlived its session').toBe(1)
    rmSync(hidden, {recursive: true})
    rmSync(writable, {recursive: true})
  })

  it('ends the agent with its launcher: a SIGKILLed outloop run takes the sandbox with it', async () => {
    const beat = join(agency.acme, 'heartbeat')
    const agent = agency.spawn(['run', '--workspace', agency.acme, '--', process.execPath, '-e', `setInterval(() => require('fs').writeFileSync(${JSON.stringify(beat)}, String(Date.now())), 50)`])
    await waitForFile(beat)
    agent.kill('SIGKILL')
    await new Promise((r) => agent.once('close', r))
    await sleep(300)
    const last = readFileSync(beat, 'utf8')
    await sleep(600)
    expect(readFileSync(beat, 'utf8')).toBe(last)
  })

  it('refuses the token of an agent orphaned by a killed launcher (unconfined, so the agent survives it)', async () => {
    const go = join(agency.acme, 'go')
    const answer = join(agency.acme, 'answer')
    const ready = join(agency.acme, 'ready')
    const script = `
const fs = require('fs')
fs.writeFileSync(${JSON.stringify(ready)}, '')
const wait = setInterval(async () => {
  if (!fs.existsSync(${JSON.stringify(go)})) return
  clearInterval(wait)
  const r = await fetch(process.env.OPENAI_BASE_URL + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer ' + process.env.OPENAI_API_KEY}, body: '{}'})
  fs.writeFileSync(${JSON.stringify(answer)}, r.status + ' ' + (await r.json()).error?.reason)
}, 50)`
    const seen = agency.upstream.seen.length
    const launcher = agency.spawn(['run', '--no-sandbox', '--workspace', agency.acme, '--', process.execPath, '-e', script])
    await waitForFile(ready)
    launcher.kill('SIGKILL')
    // 'exit', not 'close': the orphan still holds the launcher's output pipes.
    await new Promise((r) => launcher.once('exit', r))
    writeFileSync(go, '')
    await waitForFile(answer)
    expect(readFileSync(answer, 'utf8')).toBe('401 launcher-gone')
    expect(agency.upstream.seen.length).toBe(seen)
    for (const file of [go, answer, ready]) rmSync(file)
  })

  it("withholds variables of the operator's environment that hold plaintext keys, naming them only", async () => {
    const github = fakeKeyOf('GitHub').key
    const run = await agency.cli(['run', '--workspace', agency.acme, '--', process.execPath, '-e', 'console.log(JSON.stringify([process.env.GITHUB_TOKEN ?? null, process.env.MY_TOOL_SETTING, process.env.OPENAI_API_KEY]))'], {
      env: {GITHUB_TOKEN: github, MY_TOOL_SETTING: 'verbose', OPENAI_API_KEY: 'outloop://acme/openai-api-key'},
    })
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([null, 'verbose', 'outloop://acme/openai-api-key'])
    expect(run.stderr).toContain('Not passed to the agent, since they hold plaintext keys: GITHUB_TOKEN.')
    expectNoSecrets([run.stdout, run.stderr], [github])
  })

  it('says what inject mode hands the agent, and that proxy mode keeps keys in the broker', async () => {
    const run = await agency.cli(['run', '--mode', 'inject', '--workspace', agency.acme, '--', process.execPath, '-e', 'console.log(process.env.OPENAI_API_KEY.length)'], {env: {OPENAI_API_KEY: 'outloop://acme/openai-api-key'}})
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/Inject mode puts acme's granted keys themselves into CMD's environment: the sandbox keeps other clients out/)
    expect(run.stdout.trim()).toBe(String(agency.keys.acme.length))
  })

  it('refuses to start where no sandbox works, unless --no-sandbox, and status says which applies', async () => {
    const bin = mkdtempSync('/tmp/outloop-nobwrap-')
    symlinkSync(process.execPath, join(bin, 'node'))
    const marker = join(agency.acme, 'started')
    const refused = await agency.cli(['run', '--workspace', agency.acme, '--', process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`], {env: {PATH: bin}})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('bubblewrap (bwrap) is not installed')
    expect(refused.stderr).toContain('--no-sandbox')
    expect(() => statSync(marker)).toThrow()
    const status = await agency.cli(['status', '--json'], {env: {PATH: bin}})
    expect(JSON.parse(status.stdout).confinement).toMatchObject({kind: 'none'})
    const confined = await agency.cli(['status'])
    expect(confined.stdout).toMatch(/Agents: confined by bubblewrap \d/)
    const unconfined = await agency.cli(['run', '--no-sandbox', '--workspace', agency.acme, '--', process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`], {env: {PATH: bin}})
    expect(unconfined.code, unconfined.stderr).toBe(0)
    expect(unconfined.stderr).toContain(agency.home)
    statSync(marker)
    rmSync(marker)
    rmSync(bin, {recursive: true})
  })
})
