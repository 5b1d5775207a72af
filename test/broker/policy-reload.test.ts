import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {policyTextDigest} from '../../src/broker/policy-watch.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, spawnCli, type RunningCli} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'
import {startFakeUpstream, type FakeUpstream} from './harness.js'

/**
 * One agent session that lives across the policy edits: it makes call N when the file go-N appears in its
 * folder and writes the answer to result-N, so every call after an edit comes from the same session and broker.
 */
const AGENT = `
import {existsSync, writeFileSync} from 'node:fs'
const base = process.env.OPENAI_BASE_URL
for (let n = 1; n <= 4; n++) {
  while (!existsSync('go-' + n)) await new Promise((r) => setTimeout(r, 20))
  const r = await fetch(base + '/models', {headers: {authorization: 'Bearer ' + process.env.OPENAI_API_KEY}})
  const text = await r.text()
  writeFileSync('result-' + n, r.status + ' ' + (r.status === 200 ? 'ok' : JSON.parse(text).error.reason))
}
`

const policyGranting = (upstream: string, methods: string, paths: string): string =>
  `services:\n  openai:\n    upstream: ${upstream}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      methods: ${methods}\n      paths: ${paths}\n`

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 10_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
    const value = probe()
    if (value) return value
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('a running outloop serve and edits of its policy', () => {
  let home: string
  let root: string
  let cleanup: () => void
  let upstream: FakeUpstream
  let env: NodeJS.ProcessEnv
  let planted: string[]
  let outputs: string[]
  let running: RunningCli[]

  const cli = async (args: string[], input?: string) => {
    const result = await runCliWithInput(args, {home, input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-reload-')
    cleanup = tmp.cleanup
    root = tmp.dir
    home = join(root, 'home')
    mkdirSync(join(root, 'clients', 'acme'), {recursive: true})
    upstream = await startFakeUpstream()
    env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: '', OPENAI_API_KEY: 'outloop://acme/openai-api-key'}
    planted = [fakeKeyOf('OpenAI').key, 'sk-' + randomString(ALNUM, 40)]
    outputs = []
    running = []
    expect((await cli(['init'])).code).toBe(0)
    expect((await cli(['vault', 'set', 'acme/openai-api-key'], planted[0])).code).toBe(0)
    expect((await cli(['connect', join(root, 'clients', 'acme'), '--tenant', 'acme'])).code).toBe(0)
  })
  afterEach(async () => {
    for (const cli of running) outputs.push((await cli.stop()).output)
    await upstream.close()
    expectNoSecrets(outputs, [...planted, env.OUTLOOP_PASSPHRASE!])
    cleanup()
  })

  it('applies a grant without a restart, keeps the last good policy on a broken edit and says where, and applies a revocation', async () => {
    const policyFile = join(home, 'policy.yaml')
    const stateFile = join(home, 'broker', 'broker.json')
    const state = () => (existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : null)
    const onlyPost = policyGranting(upstream.url, '[POST]', '["/v1/chat/completions"]')
    writeFileSync(policyFile, onlyPost)
    const serve = spawnCli(['serve', '--port', '0'], {home, env})
    running.push(serve)
    await serve.waitFor(/(http:\/\/127\.0\.0\.1:\d+)\n/)
    expect(state()).toMatchObject({policyDigest: policyTextDigest(onlyPost), policyError: null})
    const firstLoad = state().policyLoadedAt as string

    const clientDir = join(root, 'clients', 'acme')
    const agent = spawnCli(['run', '--workspace', clientDir, '--', process.execPath, '--input-type=module', '-e', AGENT], {home, env})
    running.push(agent)
    const call = async (n: number): Promise<string> => {
      writeFileSync(join(clientDir, `go-${n}`), '')
      const result = join(clientDir, `result-${n}`)
      return until(`result-${n}\n${agent.output()}`, () => existsSync(result) && readFileSync(result, 'utf8'))
    }

    expect(await call(1)).toBe('403 method-not-allowed')
    expect(upstream.seen).toHaveLength(0)

    // The grant: the same session's next call passes, the broker never restarted.
    const granting = policyGranting(upstream.url, '[GET, POST]', '["/v1/**"]')
    writeFileSync(policyFile, granting)
    await until('the reload', () => state()?.policyDigest === policyTextDigest(granting))
    await serve.waitFor(/Policy reloaded from .*policy\.yaml\./)
    expect(Date.parse(state().policyLoadedAt)).toBeGreaterThan(Date.parse(firstLoad))
    const inUse = await cli(['status'])
    expect(inUse.stdout).toContain(`The running broker uses this policy (read ${state().policyLoadedAt}).`)
    expect(await call(2)).toBe('200 ok')
    expect(upstream.seen.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual([`GET /v1/models Bearer ${planted[0]}`])

    // A broken edit, with a key pasted where a name belongs: the grant stays, and nothing quotes the file.
    const goodLoad = state().policyLoadedAt as string
    writeFileSync(policyFile, `clients:\n  acme:\n    - secret: ${planted[1]}\n      service: openai\n`)
    const error = await until('the rejection', () => state()?.policyError)
    expect(error.problems).toEqual([{line: 3, column: 15, message: expect.stringContaining('expected a secret name')}])
    expect(state()).toMatchObject({policyDigest: policyTextDigest(granting), policyLoadedAt: goodLoad})
    await serve.waitFor(/Warning: The edited policy is not used; the broker keeps the policy of .*\n {2}.*policy\.yaml:3:15: expected a secret name/)
    expect(await call(3)).toBe('200 ok')
    expect(upstream.seen).toHaveLength(2)
    const broken = await cli(['status'])
    expect(broken.stdout).toContain(`Warning: the running broker uses the policy of ${goodLoad}; policy.yaml has an error at 3:15, so it keeps that one until the file is fixed.`)
    const json = JSON.parse((await cli(['status', '--json'])).stdout)
    expect(json.brokerPolicy).toEqual({current: false, loadedAt: goodLoad})
    expect(json.broker.policyError.problems[0]).toMatchObject({line: 3, column: 15})

    // Taking the grant away again works the same way: the session's next call is refused.
    const revoked = policyGranting(upstream.url, '[POST]', '["/v1/chat/completions"]') + '# narrowed\n'
    writeFileSync(policyFile, revoked)
    await until('the second reload', () => state()?.policyDigest === policyTextDigest(revoked) && state()?.policyError === null)
    expect(await call(4)).toBe('403 method-not-allowed')
    expect(upstream.seen).toHaveLength(2)
  })
})
