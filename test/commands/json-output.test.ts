import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {callBroker} from '../broker/harness.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {initRepo} from '../helpers/git.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'

/** The whole of stdout as one JSON document (two documents, or any text beside it, fail to parse). */
function document(result: CliResult): Record<string, any> {
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(result.stdout)
}

/** Every command that changes state answers --json with one JSON document on stdout, and never a value. */
describe('--json on the commands that had none', () => {
  let dir: string
  let home: string
  let cleanup: () => void
  const passphrase = 'json pass ' + randomString(ALNUM, 16)
  const values = [fakeKeyOf('OpenAI').key, fakeKeyOf('OpenAI').key]
  const outputs: string[] = []
  const env = {OUTLOOP_PASSPHRASE: passphrase, OUTLOOP_VAULT: ''}
  const cli = async (args: string[], input?: string): Promise<CliResult> => {
    const result = await runCliWithInput(args, {home, input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeAll(() => {
    const tmp = makeTempDir('outloop-json-')
    dir = tmp.dir
    cleanup = tmp.cleanup
    home = join(dir, 'home')
  })
  afterAll(() => {
    expectNoSecrets(outputs, [...values, passphrase])
    cleanup()
  })

  it('init, vault set, rotate, rotate --undo and rm', async () => {
    const init = document(await cli(['init', '--master-key', 'passphrase', '--json']))
    expect(init).toMatchObject({schema: 'outloop.init/v1', backend: 'file', created: true, masterKey: 'passphrase', config: join(home, 'vault.json')})

    const set = document(await cli(['vault', 'set', 'acme/openai-api-key', '--provider', 'OpenAI', '--json'], values[0]))
    expect(set).toMatchObject({schema: 'outloop.vault-set/v1', entry: {ref: 'outloop://acme/openai-api-key', provider: 'OpenAI', version: 1}})
    expect(set.entry.fingerprint).toMatch(/^[0-9a-f]{32}$/)

    const rotated = document(await cli(['vault', 'rotate', 'acme/openai-api-key', '--json'], values[1]))
    expect(rotated).toMatchObject({schema: 'outloop.vault-rotate/v1', undo: false, previous: 1, entry: {version: 2}})
    expect(rotated.entry.fingerprint).not.toBe(set.entry.fingerprint)
    const undone = document(await cli(['vault', 'rotate', 'acme/openai-api-key', '--undo', '--json']))
    expect(undone).toMatchObject({schema: 'outloop.vault-rotate/v1', undo: true, from: 1, entry: {version: 3, fingerprint: set.entry.fingerprint}})

    const removed = document(await cli(['vault', 'rm', 'acme/openai-api-key', '--yes', '--json']))
    expect(removed).toMatchObject({schema: 'outloop.vault-rm/v1', ref: 'outloop://acme/openai-api-key', versions: 3})
  })

  it('connect and disconnect', async () => {
    const folder = join(dir, 'clients', 'acme')
    mkdirSync(folder, {recursive: true})
    const connected = document(await cli(['connect', folder, '--tenant', 'acme', '--json']))
    expect(connected).toEqual({schema: 'outloop.connect/v1', dir: folder, tenant: 'acme', changed: true, previousTenant: null, warning: null})
    const again = document(await cli(['connect', folder, '--tenant', 'acme', '--json']))
    expect(again).toMatchObject({changed: false, previousTenant: null})
    const disconnected = document(await cli(['disconnect', folder, '--json']))
    expect(disconnected).toEqual({schema: 'outloop.disconnect/v1', dir: folder, tenant: 'acme'})
  })

  it('baseline, hook install, and scan and check with --json for --format json', async () => {
    const repo = join(dir, 'repo')
    writeTree(repo, {'acme/.env': `OPENAI_API_KEY=${values[0]}\n`})
    initRepo(repo)
    const baseline = document(await cli(['baseline', repo, '--json']))
    expect(baseline).toEqual({schema: 'outloop.baseline-written/v1', file: join(repo, '.outloop-baseline.json'), findings: 1, entries: 1, files: 1, complete: true, notScanned: 0})
    expect(existsSync(baseline.file)).toBe(true)

    const hook = await runCli(['hook', 'install', '--json'], {home, cwd: repo, env})
    outputs.push(hook.stdout, hook.stderr)
    expect(document(hook)).toEqual({schema: 'outloop.hook-install/v1', hook: join(repo, '.git', 'hooks', 'pre-commit'), replaced: false, baseline: '.outloop-baseline.json'})

    const scan = document(await cli(['scan', repo, '--json']))
    expect(scan).toMatchObject({schema: 'outloop.scan/v1', stats: {findings: 1}})
    const check = document(await cli(['check', repo, '--json']))
    expect(check).toMatchObject({schema: 'outloop.scan/v1', baseline: {new: 0, baselined: 1}})
    const both = await cli(['scan', repo, '--json', '--format', 'sarif'])
    expect(both.code).toBe(2)
    expect(both.stdout).toBe('')
  })
})

/** The long-running and stdio commands: --json is one document on stdout once there is something to say, or refused. */
describe('--json on serve, run, audit tail and mcp', () => {
  let dir: string
  let home: string
  let folder: string
  let cleanup: () => void
  const passphrase = 'json pass ' + randomString(ALNUM, 16)
  const key = fakeKeyOf('OpenAI').key
  const outputs: string[] = []
  const env = {OUTLOOP_PASSPHRASE: passphrase, OUTLOOP_VAULT: ''}
  const cli = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> => {
    const result = await runCliWithInput(args, {home, env: {...env, ...extraEnv}})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeAll(async () => {
    const tmp = makeTempDir('outloop-json-serve-')
    dir = tmp.dir
    cleanup = tmp.cleanup
    home = join(dir, 'home')
    folder = join(dir, 'clients', 'acme')
    mkdirSync(folder, {recursive: true})
    expect((await cli(['init'])).code).toBe(0)
    expect((await runCliWithInput(['vault', 'set', 'acme/openai-api-key'], {home, env, input: key})).code).toBe(0)
    expect((await cli(['connect', folder, '--tenant', 'acme'])).code).toBe(0)
    writeFileSync(join(home, 'policy.yaml'), 'services:\n  openai:\n    upstream: http://127.0.0.1:9\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n')
  })
  afterAll(() => {
    expectNoSecrets(outputs, [key, passphrase])
    cleanup()
  })

  it('serve --json prints one document once listening, and nothing else on stdout until it stops', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'run.js'), 'serve', '--port', '0', '--json'], {env: {...process.env, NO_COLOR: '1', ...env, OUTLOOP_HOME: home}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
    for (const deadline = Date.now() + 20_000; !/Broker listening/.test(stderr) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50))
    // The document is printed right after the line on stderr: parsed whole, or the wait goes on.
    let served: Record<string, any> | null = null
    for (const deadline = Date.now() + 5000; served === null && Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      try {
        served = JSON.parse(stdout)
      } catch {
        served = null
      }
    }
    expect(served, stderr).toMatchObject({schema: 'outloop.serve/v1', host: '127.0.0.1', socket: null, pid: child.pid, policy: join(home, 'policy.yaml'), clients: ['acme']})
    expect(served!.port).toBeGreaterThan(0)
    expect(served!.url).toBe(`http://127.0.0.1:${served!.port}`)
    // It is the broker: a request without a session is refused by it.
    expect((await callBroker(served!.url, 'GET', '/openai/v1/models')).status).toBe(401)
    child.kill('SIGTERM')
    expect(await closed).toBe(0)
    outputs.push(stdout, stderr)
    expect(JSON.parse(stdout)).toEqual(served)
    expect(stderr).toContain('Broker stopped.')
  })

  it('run --json sends the agent\'s stdout to stderr and prints one document with its exit code at the end', async () => {
    // The agent prints to stdout and exits 3; in inject mode it prints the key it was given, which the mask hides.
    const agent = "console.log('agent says hi'); console.log('key ' + process.env.OPENAI_API_KEY); process.exit(3)"
    const started = Date.now()
    const run = await cli(['run', '--workspace', folder, '--mode', 'inject', '--json', '--', process.execPath, '-e', agent], {OPENAI_API_KEY: 'outloop://acme/openai-api-key'})
    expect(run.code, run.stderr).toBe(3)
    const ran = JSON.parse(run.stdout)
    expect(ran).toMatchObject({schema: 'outloop.run/v1', exitCode: 3, client: 'acme', workspace: folder, mode: 'inject', broker: {started: true}})
    expect(ran.session).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(ran.durationMs).toBeGreaterThanOrEqual(0)
    expect(ran.durationMs).toBeLessThanOrEqual(Date.now() - started)
    expect(run.stderr).toContain('agent says hi')
    expect(run.stdout).not.toContain('agent says hi')

    // Proxy mode: the child's own stdout, the session token in it, goes to stderr too.
    const proxied = await cli(['run', '--workspace', folder, '--json', '--', process.execPath, '-e', 'console.log("token " + process.env.OUTLOOP_SESSION)'])
    expect(proxied.code, proxied.stderr).toBe(0)
    expect(JSON.parse(proxied.stdout)).toMatchObject({schema: 'outloop.run/v1', exitCode: 0, client: 'acme', mode: 'proxy'})
    const token = /^token (ols_\S+)$/m.exec(proxied.stderr)?.[1]
    expect(token).toBeDefined()
    expect(proxied.stdout).not.toContain(token!)
  })

  it('audit tail --json is the latest records as one document, and refuses --follow', async () => {
    const tail = await cli(['audit', 'tail', '--tenant', 'acme', '--lines', '5', '--json'])
    const doc = document(tail)
    expect(doc.schema).toBe('outloop.audit-tail/v1')
    // The inject run above recorded the key it handed over (method ENV), as --format jsonl prints it.
    expect(doc.records.some((r: any) => r.method === 'ENV' && r.client === 'acme' && typeof r.hash === 'string')).toBe(true)
    const jsonl = await cli(['audit', 'tail', '--tenant', 'acme', '--lines', '5', '--format', 'jsonl'])
    expect(jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(doc.records)
    const follow = await cli(['audit', 'tail', '--json', '--follow'])
    expect(follow.code).toBe(2)
    expect(follow.stdout).toBe('')
    expect(follow.stderr).toContain('--format jsonl')
  })

  it('mcp --json is refused: stdout carries the MCP protocol', async () => {
    const mcp = await cli(['mcp', '--workspace', folder, '--json'])
    expect(mcp.code).toBe(2)
    expect(mcp.stdout).toBe('')
    expect(mcp.stderr).toMatch(/stdout carries the MCP protocol/)
  })
})
