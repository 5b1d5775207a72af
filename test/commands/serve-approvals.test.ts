import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

import {readAuditRecords} from '../../src/audit/reader.js'
import {brokerPaths} from '../../src/broker/files.js'
import {loadSessionKey, mintSessionToken} from '../../src/broker/tokens.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {callBroker, startFakeUpstream, type FakeUpstream} from '../broker/harness.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {hasTmux, startCliTerminal, type CliTerminal} from '../helpers/terminal.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'

/**
 * `outloop serve` on a real terminal (tmux): a held request is asked about on the broker's own screen and
 * answered with a key; `outloop status` shows what waits and each budget's use meanwhile.
 */
describe.skipIf(!hasTmux && !process.env.CI)('outloop serve asks on its terminal', () => {
  let home: string
  let root: string
  let cleanup: () => void
  let upstream: FakeUpstream
  let env: NodeJS.ProcessEnv
  let key: string
  let terminal: CliTerminal | null
  const outputs: string[] = []

  const cli = async (args: string[], input?: string) => {
    const result = await runCliWithInput(args, {home, input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeEach(async () => {
    const tmp = makeTempDir('outloop-serve-approve-')
    cleanup = tmp.cleanup
    root = tmp.dir
    home = join(root, 'home')
    mkdirSync(join(root, 'clients', 'acme'), {recursive: true})
    upstream = await startFakeUpstream()
    env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
    key = fakeKeyOf('OpenAI').key
    terminal = null
    expect((await cli(['init'])).code).toBe(0)
    expect((await cli(['vault', 'set', 'acme/shop-key'], key)).code).toBe(0)
    expect((await cli(['connect', join(root, 'clients', 'acme'), '--tenant', 'acme'])).code).toBe(0)
    writeFileSync(
      join(home, 'policy.yaml'),
      `services:\n  shop:\n    upstream: ${upstream.url}\n    header: "Authorization: Bearer {secret}"\nclients:\n  acme:\n    - {secret: shop-key, service: shop, paths: ["/v1/orders"], approve: writes}\n    - {secret: shop-key, service: shop, methods: [GET], paths: ["/v1/products"], limit: 2/min}\n`,
    )
  })
  afterEach(async () => {
    terminal?.kill()
    await upstream.close()
    const screens = terminal?.screens ?? []
    expectNoSecrets([...outputs, ...screens, JSON.stringify(readAuditRecords(brokerPaths(home).auditDir, 'acme'))], [key, env.OUTLOOP_PASSPHRASE!])
    cleanup()
  })

  it('y lets a held request through, n refuses the next; status lists it while it waits and shows budgets', async () => {
    terminal = startCliTerminal('serve --port 0', {home, cols: 160, rows: 40, env: `OUTLOOP_PASSPHRASE='${env.OUTLOOP_PASSPHRASE}'`})
    const url = /Broker listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await terminal.waitFor('Broker listening on'))![1]!
    const workspace = JSON.parse(readFileSync(join(home, 'bindings.json'), 'utf8')).bindings[0].dir
    const token = mintSessionToken(loadSessionKey(home), {tenant: 'acme', workspace, expiresAt: Date.now() + 120_000}).token
    const send = (method: string, path: string) => callBroker(url, method, `/_t/${token}/shop${path}`, {'content-type': 'application/json'}, method === 'GET' ? undefined : '{}')

    const first = send('POST', '/v1/orders')
    const asked = await terminal.waitFor('Approve?')
    const id = /Approval needed: ([a-z0-9]{8}) {2}acme: POST shop \/v1\/orders/.exec(asked)![1]!
    const status = await cli(['status'])
    expect(status.stdout).toContain('Waiting for approval (1;')
    expect(status.stdout).toContain(id)
    expect(upstream.counts.requests).toBe(0)
    terminal.type('y')
    terminal.keys('Enter')
    expect((await first).status).toBe(200)
    expect(upstream.counts.requests).toBe(1)
    await terminal.waitFor(`Approved: ${id}`)

    const second = send('POST', '/v1/orders')
    await vi.waitFor(() => expect(terminal!.screen().match(/Approve\?/g)).toHaveLength(2), {timeout: 10_000})
    terminal.type('n')
    terminal.keys('Enter')
    expect((await second).status).toBe(403)
    expect(upstream.counts.requests).toBe(1)

    expect((await send('GET', '/v1/products')).status).toBe(200)
    expect((await send('GET', '/v1/products')).status).toBe(200)
    const over = await send('GET', '/v1/products')
    expect(over.status).toBe(429)
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
    expect(upstream.counts.requests).toBe(3)
    // The broker writes its counts each second.
    await vi.waitFor(
      async () => {
        const budgets = JSON.parse((await cli(['status', '--json'])).stdout).budgets
        expect(budgets).toEqual([{tenant: 'acme', service: 'shop', secret: 'shop-key', limit: '2/min', count: 2, used: 2, freesInSec: expect.any(Number)}])
      },
      {timeout: 10_000, interval: 300},
    )
    expect((await cli(['status'])).stdout).toMatch(/acme +shop \(shop-key\) +2 of 2\/min, spent: room again in \d+s/)

    const records = readAuditRecords(brokerPaths(home).auditDir, 'acme').filter((r) => r.phase === 'complete')
    expect(records.map((r) => [r.method, r.status, r.reason, r.approval?.answer ?? null])).toEqual([
      ['POST', 200, 'allowed', 'approved'],
      ['POST', 403, 'approval-denied', 'denied'],
      ['GET', 200, 'allowed', null],
      ['GET', 200, 'allowed', null],
      ['GET', 429, 'rate-limited', null],
    ])
  })
})
