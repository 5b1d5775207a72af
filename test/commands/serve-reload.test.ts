import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {startFakeUpstream, type FakeUpstream} from '../broker/harness.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, spawnCli, writeTree} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'

/** A running `outloop serve` follows policy edits; a broken edit keeps the last good policy and says why. */
describe('outloop serve reloads the policy', () => {
  let dir: string
  let cleanup: () => void
  let home: string
  let upstream: FakeUpstream
  let env: NodeJS.ProcessEnv
  let planted: string
  const outputs: string[] = []
  const cli = async (args: string[], input?: string) => {
    const result = await runCliWithInput(args, {home, input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  const policy = (paths: string): string => `services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      paths: [${paths}]\n`

  beforeEach(async () => {
    ;({dir, cleanup} = makeTempDir('outloop-serve-reload-'))
    home = join(dir, 'home')
    writeTree(dir, {'clients/acme/.keep': ''})
    upstream = await startFakeUpstream()
    env = {OUTLOOP_PASSPHRASE: 'reload ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
    planted = fakeKeyOf('OpenAI').key
    outputs.length = 0
    expect((await cli(['init'])).code).toBe(0)
    expect((await cli(['vault', 'set', 'acme/openai-api-key'], planted)).code).toBe(0)
    expect((await cli(['connect', join(dir, 'clients', 'acme'), '--tenant', 'acme'])).code).toBe(0)
    writeFileSync(join(home, 'policy.yaml'), policy('"/v1/models"'))
  })
  afterEach(async () => {
    await upstream.close()
    expectNoSecrets(outputs, [planted, env.OUTLOOP_PASSPHRASE!])
    cleanup()
  })

  it('an edit applies from the next request; a broken edit is refused with its position and the previous policy stays', async () => {
    const serve = spawnCli(['serve', '--port', '0'], {home, env})
    // One agent session across the edits (outloop run itself reads the policy when it starts): each call waits
    // for the test to say go, so every edit lands between two calls of the same session.
    const agent = `
const fs = require('node:fs')
const dir = ${JSON.stringify(dir)}
const wait = async (f) => { while (!fs.existsSync(f)) await new Promise((r) => setTimeout(r, 20)) }
;(async () => {
  for (let step = 1; step <= 3; step++) {
    await wait(dir + '/go-' + step)
    const r = await fetch(process.env.OPENAI_BASE_URL + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer outloop://acme/openai-api-key'}, body: '{}'})
    const said = r.status === 200 ? 'ok' : (await r.json()).error.reason
    fs.writeFileSync(dir + '/said-' + step, r.status + ' ' + said)
  }
})()`
    const said = async (step: number): Promise<string> => {
      writeFileSync(join(dir, `go-${step}`), '')
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
        if (existsSync(join(dir, `said-${step}`))) return readFileSync(join(dir, `said-${step}`), 'utf8')
      }
      throw new Error(`the agent never answered step ${step}`)
    }
    let session: ReturnType<typeof spawnCli> | undefined
    try {
      await serve.waitFor(/http:\/\/127\.0\.0\.1:\d+\n/)
      session = spawnCli(['run', '--workspace', join(dir, 'clients', 'acme'), '--', process.execPath, '-e', agent], {home, env})
      expect(await said(1)).toBe('403 path-not-allowed')
      expect(upstream.seen).toHaveLength(0)

      writeFileSync(join(home, 'policy.yaml'), policy('"/v1/**"'))
      expect(await said(2)).toBe('200 ok')
      expect(upstream.seen).toHaveLength(1)
      await serve.waitFor(/Reloaded the policy/)

      // A broken edit, with a key pasted where a name belongs: not loaded, not quoted, and the old grant holds.
      const pasted = 'sk-' + randomString(ALNUM, 40)
      writeFileSync(join(home, 'policy.yaml'), `clients:\n  acme:\n    - secret: ${pasted}\n      service: openai\n`)
      expect(await said(3)).toBe('200 ok')
      expect(upstream.seen).toHaveLength(2)
      await serve.waitFor(/The edited policy was not loaded, so the previous one stays in force: The policy is invalid:\s+\S*policy\.yaml:3:\d+/)
      expect(serve.output()).not.toContain(pasted)
    } finally {
      if (session !== undefined) outputs.push((await session.stop()).output)
      outputs.push((await serve.stop()).output)
    }
  }, 60_000)
})
