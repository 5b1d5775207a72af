import {createServer, type IncomingHttpHeaders, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {mkdirSync, realpathSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT, spawnCli, type RunningCli} from '../helpers/tree.js'
import {runCliWithInput} from '../vault/cli.js'

const BIN = join(REPO_ROOT, 'bin', 'run.js')

/** A loopback provider that echoes what it was sent, key included: the MCP side must still never see the key. */
async function startEchoUpstream(): Promise<{url: string; seen: Array<{method: string; url: string; headers: IncomingHttpHeaders; body: string}>; close: () => Promise<void>}> {
  const seen: Array<{method: string; url: string; headers: IncomingHttpHeaders; body: string}> = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers, body})
      const auth = String(req.headers.authorization ?? req.headers['x-api-key'] ?? '')
      if (req.url?.startsWith('/v1/models/big')) {
        res.writeHead(200, {'content-type': 'text/plain'})
        // The key sits across the 256 KB cut: neither half may show.
        res.end('a '.repeat(131_070) + auth + ' tail '.repeat(20_000))
        return
      }
      if (req.url?.startsWith('/v1/models/glued')) {
        // The bare key glued to other text: no token boundary to find it by, only its value.
        res.writeHead(200, {'content-type': 'text/plain'})
        res.end(`glued${auth.replace(/^Bearer /, '')}glued`)
        return
      }
      if (req.url?.startsWith('/v1/models/bin')) {
        res.writeHead(200, {'content-type': 'application/octet-stream'})
        res.end(Buffer.concat([Buffer.from([0, 1, 2, 255]), Buffer.from(` ${auth} `), Buffer.from([0])]))
        return
      }
      res.writeHead(200, {'content-type': 'application/json', 'x-request-id': `req ${auth}`, 'x-internal': 'dropped', 'set-cookie': 'session=abc'})
      res.end(JSON.stringify({echo: {method: req.method, url: req.url, authorization: auth, body}}))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

type ToolResult = {isError?: boolean; content: Array<{type: string; text?: string}>; structuredContent?: Record<string, unknown>}

describe('outloop mcp', () => {
  let root: string
  let home: string
  let cleanup: () => void
  let upstream: Awaited<ReturnType<typeof startEchoUpstream>>
  let env: NodeJS.ProcessEnv
  let planted: string[]
  const outputs: string[] = []
  let acme: string

  const cli = async (args: string[], input?: string) => {
    const result = await runCliWithInput(args, {home, input, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  /** The real `outloop mcp`, driven by the SDK's own client over stdio. */
  const connectMcp = async (options: {workspace?: string; passphrase?: boolean} = {}) => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp', '--workspace', options.workspace ?? acme],
      env: {OUTLOOP_HOME: home, NO_COLOR: '1', OUTLOOP_VAULT: '', ...(options.passphrase ? {OUTLOOP_PASSPHRASE: env.OUTLOOP_PASSPHRASE!} : {})},
      stderr: 'pipe',
    })
    let stderr = ''
    transport.stderr?.on('data', (d) => (stderr += d))
    const client = new Client({name: 'outloop-test', version: '1.0.0'})
    await client.connect(transport)
    const results: string[] = []
    const call = async (name: string, args: Record<string, unknown> = {}): Promise<ToolResult> => {
      const result = (await client.callTool({name, arguments: args})) as ToolResult
      results.push(JSON.stringify(result))
      return result
    }
    return {
      client,
      call,
      close: async () => {
        await client.close()
        outputs.push(stderr, ...results)
        return {stderr, results}
      },
    }
  }

  const textOf = (result: ToolResult) => result.content.map((c) => c.text ?? '').join('\n')

  beforeAll(async () => {
    const tmp = makeTempDir('outloop-mcp-')
    cleanup = tmp.cleanup
    root = realpathSync(tmp.dir)
    home = join(root, 'home')
    acme = join(root, 'clients', 'acme')
    mkdirSync(join(acme, 'sub'), {recursive: true})
    mkdirSync(join(root, 'clients', 'globex'), {recursive: true})
    upstream = await startEchoUpstream()
    env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
    planted = [fakeKeyOf('OpenAI').key, fakeKeyOf('OpenAI').key, fakeKeyOf('Anthropic').key]
    expect((await cli(['init'])).code).toBe(0)
    expect((await cli(['vault', 'set', 'acme/openai-api-key'], planted[0])).code).toBe(0)
    expect((await cli(['vault', 'set', 'globex/openai-api-key'], planted[1])).code).toBe(0)
    expect((await cli(['vault', 'set', 'acme/crm-key'], planted[2])).code).toBe(0)
    writeFileSync(
      join(home, 'policy.yaml'),
      [
        'services:',
        '  openai:',
        `    upstream: ${upstream.url}`,
        '  crm:',
        `    upstream: ${upstream.url}/crm`,
        '    header: "x-api-key: {secret}"',
        'clients:',
        '  acme:',
        '    - secret: openai-api-key',
        '      service: openai',
        '      methods: [POST]',
        '      paths: ["/v1/chat/completions"]',
        '    - secret: openai-api-key',
        '      service: openai',
        '      methods: [GET]',
        '      paths: ["/v1/models/**"]',
        '    - {secret: crm-key, service: crm, paths: ["/deals/**"], approve: always, limit: 5/min}',
        '    - {secret: crm-key, service: crm}',
        '  globex:',
        '    - {secret: openai-api-key, service: openai}',
        '',
      ].join('\n'),
    )
    expect((await cli(['connect', acme, '--tenant', 'acme'])).code).toBe(0)
    expect((await cli(['connect', join(root, 'clients', 'globex'), '--tenant', 'globex'])).code).toBe(0)
  })
  afterAll(async () => {
    await upstream.close()
    expectNoSecrets(outputs, [...planted, env.OUTLOOP_PASSPHRASE!])
    cleanup()
  })

  it('starts without a broker: lists exactly the grants, and call_api says to start outloop serve', async () => {
    const mcp = await connectMcp({workspace: join(acme, 'sub')})
    const {tools} = await mcp.client.listTools()
    expect(tools.map((t) => t.name)).toEqual(['list_services', 'call_api'])
    expect(tools[0].annotations).toMatchObject({readOnlyHint: true})
    expect(tools[1].annotations).toMatchObject({destructiveHint: true, readOnlyHint: false})
    expect(tools[1].description).toContain('GET and HEAD only read')

    const listed = await mcp.call('list_services')
    expect(listed.isError).toBeFalsy()
    const host = new URL(upstream.url).host
    expect(listed.structuredContent).toEqual({
      tenant: 'acme',
      brokerRunning: false,
      services: [
        {
          service: 'openai',
          upstream: host,
          grants: [
            {secret: 'outloop://acme/openai-api-key', methods: ['POST'], paths: ['/v1/chat/completions'], readOnly: false},
            {secret: 'outloop://acme/openai-api-key', methods: ['GET'], paths: ['/v1/models/**'], readOnly: true},
          ],
        },
        {
          service: 'crm',
          upstream: host,
          grants: [
            {secret: 'outloop://acme/crm-key', methods: ['*'], paths: ['/deals/**'], readOnly: false, approval: 'always', budgets: ['5/min']},
            {secret: 'outloop://acme/crm-key', methods: ['*'], paths: ['/**'], readOnly: false},
          ],
        },
      ],
    })
    expect(textOf(listed)).toContain('No broker is running')
    expect(textOf(listed)).toContain('/deals/**  with outloop://acme/crm-key  (every call waits for a person to approve it; at most 5/min)')

    const call = await mcp.call('call_api', {service: 'openai', method: 'POST', path: '/v1/chat/completions', body: {model: 'x'}})
    expect(call.isError).toBe(true)
    expect(textOf(call)).toContain('start outloop serve')
    const {stderr} = await mcp.close()
    expect(stderr).toContain('serving acme')
    expect(upstream.seen).toHaveLength(0)
  })

  it('refuses to start for a folder that is not connected', async () => {
    const loose = join(root, 'loose')
    mkdirSync(loose)
    await expect(connectMcp({workspace: loose})).rejects.toThrow()
  })

  describe('with a running broker', () => {
    let serve: RunningCli
    beforeAll(async () => {
      serve = spawnCli(['serve', '--port', '0'], {home, env})
      await serve.waitFor(/(http:\/\/127\.0\.0\.1:\d+)\n/)
    })
    afterAll(async () => {
      outputs.push((await serve.stop()).output)
    })

    for (const passphrase of [true, false]) {
      it(`call_api reaches the upstream with the real key, which the MCP side never sees (vault ${passphrase ? 'open: exact masking' : 'locked: fingerprint masking'})`, async () => {
        upstream.seen.length = 0
        const mcp = await connectMcp({passphrase})
        const call = await mcp.call('call_api', {service: 'openai', method: 'POST', path: '/v1/chat/completions', headers: {'content-type': 'application/json'}, body: {model: 'gpt', messages: []}})
        expect(call.isError, textOf(call)).toBeFalsy()
        expect(upstream.seen).toHaveLength(1)
        // The broker attached acme's real key; the caller sent none.
        expect(upstream.seen[0].headers.authorization).toBe(`Bearer ${planted[0]}`)
        expect(upstream.seen[0].body).toBe('{"model":"gpt","messages":[]}')
        const structured = call.structuredContent as {status: number; headers: Record<string, string>; body: string; bodyEncoding: string; truncated: boolean; maskedValues: number}
        expect(structured.status).toBe(200)
        expect(structured.bodyEncoding).toBe('utf8')
        expect(JSON.parse(structured.body).echo.authorization).toBe('Bearer [outloop://acme/openai-api-key]')
        // Only the kept headers, masked too; cookies and unknown headers stay behind.
        expect(structured.headers['x-request-id']).toBe('req Bearer [outloop://acme/openai-api-key]')
        expect(Object.keys(structured.headers).sort()).toEqual(['content-type', 'date', 'x-request-id'])
        expect(structured.maskedValues).toBeGreaterThan(0)

        // Its own placeholder is swapped by the broker as for any agent; the other service's header too.
        const crm = await mcp.call('call_api', {service: 'crm', method: 'GET', path: '/contacts', query: {page: 2, tag: ['a', 'b']}, headers: {'x-api-key': 'outloop://acme/crm-key'}})
        expect(crm.isError, textOf(crm)).toBeFalsy()
        expect(upstream.seen[1].url).toBe('/crm/contacts?page=2&tag=a&tag=b')
        expect(upstream.seen[1].headers['x-api-key']).toBe(planted[2])
        expect(JSON.parse((crm.structuredContent as {body: string}).body).echo.authorization).toBe('[outloop://acme/crm-key]')

        // A body over 256 KB is cut with a note; the key lying across the cut is never shown in part.
        const big = await mcp.call('call_api', {service: 'openai', method: 'GET', path: '/v1/models/big'})
        expect(big.isError).toBeFalsy()
        const bigBody = (big.structuredContent as {body: string; truncated: boolean})
        expect(bigBody.truncated).toBe(true)
        expect(bigBody.body.length).toBeLessThanOrEqual(256 * 1024)
        expect(textOf(big)).toContain('cut at 256 KB')
        // Binary comes back as base64, masked before it is encoded.
        const bin = await mcp.call('call_api', {service: 'openai', method: 'GET', path: '/v1/models/bin'})
        const binBody = bin.structuredContent as {body: string; bodyEncoding: string}
        expect(binBody.bodyEncoding).toBe('base64')
        const decoded = Buffer.from(binBody.body, 'base64')
        expect(decoded.subarray(0, 4)).toEqual(Buffer.from([0, 1, 2, 255]))
        expect(decoded.toString('latin1')).toContain(' Bearer [outloop://acme/openai-api-key] ')

        if (passphrase) {
          // With the vault open, the values themselves are searched for: found even with no token boundary.
          const glued = await mcp.call('call_api', {service: 'openai', method: 'GET', path: '/v1/models/glued'})
          expect((glued.structuredContent as {body: string}).body).toBe('glued[outloop://acme/openai-api-key]glued')
        }
        const {stderr, results} = await mcp.close()
        expectNoSecrets([stderr, ...results, Buffer.from(results.join('')).toString('base64')], planted)
        for (const result of results) expect(result.includes(Buffer.from(planted[0]).toString('base64').slice(0, 24))).toBe(false)
        if (!passphrase) expect(stderr).toContain('masked by their fingerprints only')
      })
    }

    it('a call under a grant that needs approval waits for outloop approvals: approved it goes through once, denied it is a tool error', async () => {
      upstream.seen.length = 0
      const mcp = await connectMcp()
      const heldId = () =>
        vi.waitFor(
          async () => {
            const pending = JSON.parse((await cli(['approvals', '--json'])).stdout).pending as Array<{id: string; path: string}>
            expect(pending).toHaveLength(1)
            return pending[0]!
          },
          {timeout: 15_000, interval: 200},
        )
      const approved = mcp.call('call_api', {service: 'crm', method: 'POST', path: '/deals/42', body: {stage: 'won'}})
      const first = await heldId()
      expect(first.path).toBe('/deals/42')
      expect(upstream.seen).toHaveLength(0)
      expect((await cli(['approvals', 'approve', first.id])).code).toBe(0)
      const result = await approved
      expect(result.isError, textOf(result)).toBeFalsy()
      expect((result.structuredContent as {status: number}).status).toBe(200)
      expect(upstream.seen.map((s) => s.url)).toEqual(['/crm/deals/42'])

      const denied = mcp.call('call_api', {service: 'crm', method: 'DELETE', path: '/deals/42'})
      expect((await cli(['approvals', 'deny', (await heldId()).id])).code).toBe(0)
      const refusal = await denied
      expect(refusal.isError).toBe(true)
      expect(textOf(refusal)).toMatch(/403 approval-denied/)
      expect(upstream.seen).toHaveLength(1)
      await mcp.close()
    })

    it("another client's placeholder, an ungranted service, method or path are tool errors, and the upstream counts zero", async () => {
      upstream.seen.length = 0
      const mcp = await connectMcp()
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{service: 'openai', method: 'POST', path: '/v1/chat/completions', headers: {authorization: 'Bearer outloop://globex/openai-api-key'}}, /403 tenant-mismatch/],
        [{service: 'openai', method: 'POST', path: '/v1/chat/completions', query: {key: 'outloop%3A%2F%2Fglobex%2Fopenai-api-key'}}, /403 tenant-mismatch/],
        [{service: 'anthropic', method: 'POST', path: '/v1/messages'}, /403 (service-not-allowed|unknown-service)/],
        [{service: 'openai', method: 'DELETE', path: '/v1/chat/completions'}, /403 method-not-allowed/],
        [{service: 'openai', method: 'POST', path: '/v1/files'}, /403 path-not-allowed/],
        [{service: 'openai', method: 'GET', path: '/v1/models/../../v1/files'}, /400 bad-path/],
      ]
      for (const [args, reason] of cases) {
        const result = await mcp.call('call_api', args)
        expect(result.isError, JSON.stringify(args)).toBe(true)
        expect(textOf(result)).toMatch(reason)
      }
      // Nothing a call says changes the client: unknown arguments, a session header, a path-borne token.
      const tenantArgs = await mcp.call('call_api', {service: 'openai', method: 'GET', path: '/v1/models/x', tenant: 'globex', workspace: join(root, 'clients', 'globex')})
      expect(tenantArgs.isError).toBe(true)
      expect(textOf(tenantArgs)).toContain('the client is fixed when outloop mcp starts (acme)')
      const sessionHeader = await mcp.call('call_api', {service: 'openai', method: 'GET', path: '/v1/models/x', headers: {'X-Outloop-Session': 'ols_x.y'}})
      expect(sessionHeader.isError).toBe(true)
      expect(textOf(sessionHeader)).toContain('set by outloop mcp')
      const pathToken = await mcp.call('call_api', {service: '_t', method: 'GET', path: '/ols_x.y/openai/v1/models/x'})
      expect(pathToken.isError).toBe(true)
      const unknownTool = await mcp.call('delete_everything', {})
      expect(unknownTool.isError).toBe(true)
      expect(upstream.seen).toHaveLength(0)

      // The server is still up after every refusal, and serves acme only: a granted call is acme's key.
      const ok = await mcp.call('call_api', {service: 'openai', method: 'GET', path: '/v1/models/gpt'})
      expect(ok.isError, textOf(ok)).toBeFalsy()
      expect(upstream.seen.map((s) => s.headers.authorization)).toEqual([`Bearer ${planted[0]}`])
      const {stderr} = await mcp.close()
      expectNoSecrets(stderr, planted)

      // Every decision is the broker's own, in acme's audit log.
      const audit = JSON.parse((await cli(['audit', '--tenant', 'acme', '--json'])).stdout).records as Array<{decision: string; reason: string; path: string}>
      const reasons = audit.map((r) => `${r.decision}:${r.reason}`)
      for (const reason of ['denied:tenant-mismatch', 'denied:method-not-allowed', 'denied:path-not-allowed']) expect(reasons).toContain(reason)
      expect((await cli(['audit', 'verify'])).code).toBe(0)
    })
  })
})
