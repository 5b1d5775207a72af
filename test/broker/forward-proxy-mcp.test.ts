import {mkdirSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:https'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {McpServer} from '@modelcontextprotocol/sdk/server/mcp.js'
import {StreamableHTTPServerTransport} from '@modelcontextprotocol/sdk/server/streamableHttp.js'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir, REPO_ROOT} from '../helpers/tree.js'
import {recordingCli} from '../vault/cli.js'
import {makeUpstreamCertificates} from './tls-upstream.js'

const SDK = join(REPO_ROOT, 'node_modules', '@modelcontextprotocol', 'sdk', 'dist', 'esm')

/** A stdio MCP server as a client's `.mcp.json` starts it: its token comes from its env, and it calls the API itself. */
const STDIO_SERVER = `
import {McpServer} from ${JSON.stringify(join(SDK, 'server', 'mcp.js'))}
import {StdioServerTransport} from ${JSON.stringify(join(SDK, 'server', 'stdio.js'))}
const server = new McpServer({name: 'crm', version: '1.0.0'})
server.registerTool('contacts', {description: 'list contacts'}, async () => {
  const r = await fetch('https://api.crm.test/v1/contacts', {headers: {authorization: 'Bearer ' + process.env.CRM_TOKEN}})
  return {content: [{type: 'text', text: r.status + ' ' + (await r.text())}]}
})
await server.connect(new StdioServerTransport())
`

/** The agent side, as Claude Code does it: each .mcp.json entry started with its command, args and env; then a remote MCP server over HTTP. */
const HARNESS = `
import {readFileSync} from 'node:fs'
import {Client} from ${JSON.stringify(join(SDK, 'client', 'index.js'))}
import {StdioClientTransport} from ${JSON.stringify(join(SDK, 'client', 'stdio.js'))}
import {StreamableHTTPClientTransport} from ${JSON.stringify(join(SDK, 'client', 'streamableHttp.js'))}
const config = JSON.parse(readFileSync('.mcp.json', 'utf8'))
for (const [name, entry] of Object.entries(config.mcpServers)) {
  const client = new Client({name: 'harness', version: '1.0.0'})
  await client.connect(new StdioClientTransport({command: entry.command, args: entry.args, env: {...process.env, ...entry.env}, stderr: 'inherit'}))
  const result = await client.callTool({name: 'contacts', arguments: {}})
  console.log('stdio', name, result.content[0].text)
  await client.close()
}
for (const ref of ['outloop://acme/crm-key', 'outloop://globex/crm-key']) {
  const client = new Client({name: 'harness', version: '1.0.0'})
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL('https://api.crm.test/mcp'), {requestInit: {headers: {authorization: 'Bearer ' + ref}}}))
    const result = await client.callTool({name: 'whoami', arguments: {}})
    console.log('remote', ref, result.content[0].text)
    await client.close()
  } catch (error) {
    console.log('remote', ref, 'refused', String(error.message).slice(0, 200))
  }
}
`

describe('MCP servers under outloop run reach their APIs through the proxy', () => {
  it('a stdio server from .mcp.json and a remote MCP server over HTTP get acme’s key upstream; globex’s placeholder reaches nothing', async () => {
    const {dir: root, cleanup} = makeTempDir('outloop-proxy-mcp-')
    const certs = makeUpstreamCertificates(root)
    const seen: string[] = []
    const upstream: Server = createServer({cert: certs.cert, key: certs.key}, (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', async () => {
        seen.push(`${req.method} ${req.url} ${req.headers.authorization === `Bearer ${planted.acme}` ? 'acme-key' : 'other'}`)
        if (req.headers.authorization !== `Bearer ${planted.acme}`) return void res.writeHead(401).end()
        if (req.url !== '/mcp') return void res.writeHead(200, {'content-type': 'application/json'}).end('{"contacts":2}')
        const server = new McpServer({name: 'crm-remote', version: '1.0.0'})
        server.registerTool('whoami', {description: 'who'}, async () => ({content: [{type: 'text', text: 'remote-ok'}]}))
        const transport = new StreamableHTTPServerTransport({sessionIdGenerator: undefined, enableJsonResponse: true})
        await server.connect(transport)
        const text = Buffer.concat(chunks).toString('utf8')
        await transport.handleRequest(req, res, text ? JSON.parse(text) : undefined)
      })
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    const port = (upstream.address() as AddressInfo).port
    const home = join(root, 'home')
    const env = {OUTLOOP_PASSPHRASE: 'pass ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
    const planted = {acme: fakeKeyOf('OpenAI').key, globex: fakeKeyOf('OpenAI').key}
    const {cli, outputs} = recordingCli(home, env)
    try {
      expect((await cli(['init'])).code).toBe(0)
      writeFileSync(
        join(home, 'policy.yaml'),
        ['services:', '  crm:', `    upstream: https://127.0.0.1:${port}`, '    header: "Authorization: Bearer {secret}"', '    hosts: [api.crm.test]', `    ca: ${certs.ca}`, 'clients:', '  acme:', '    - {secret: crm-key, service: crm, paths: ["/v1/**", "/mcp"]}', '  globex:', '    - {secret: crm-key, service: crm}', ''].join('\n'),
      )
      writeFileSync(join(home, 'config.yaml'), `sandbox:\n  readable: [${JSON.stringify(root)}, ${JSON.stringify(REPO_ROOT)}]\n`)
      for (const tenant of ['acme', 'globex'] as const) {
        mkdirSync(join(root, 'clients', tenant), {recursive: true})
        expect((await cli(['vault', 'set', `${tenant}/crm-key`], planted[tenant])).code).toBe(0)
        expect((await cli(['connect', join(root, 'clients', tenant), '--tenant', tenant])).code).toBe(0)
      }
      const acme = join(root, 'clients', 'acme')
      writeFileSync(join(acme, 'crm-server.mjs'), STDIO_SERVER)
      writeFileSync(join(acme, 'harness.mjs'), HARNESS)
      // Exactly what a migration leaves: plain placeholders in the MCP config, one of them copied from globex.
      writeFileSync(join(acme, '.mcp.json'), JSON.stringify({mcpServers: {crm: {command: 'node', args: ['crm-server.mjs'], env: {CRM_TOKEN: 'outloop://acme/crm-key'}}, copied: {command: 'node', args: ['crm-server.mjs'], env: {CRM_TOKEN: 'outloop://globex/crm-key'}}}}, null, 2))
      const run = await cli(['run', '--workspace', acme, '--', 'node', 'harness.mjs'])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain('stdio crm 200 {"contacts":2}')
      expect(run.stdout).toMatch(/stdio copied 403 .*tenant-mismatch/)
      expect(run.stdout).toContain('remote outloop://acme/crm-key remote-ok')
      expect(run.stdout).toMatch(/remote outloop:\/\/globex\/crm-key refused/)
      // Only acme's own calls arrived, each with acme's key: the stdio tool's and the remote server's.
      expect(seen.length).toBeGreaterThanOrEqual(2)
      expect(seen.every((line) => line.endsWith('acme-key'))).toBe(true)
      expect(seen).toContain('GET /v1/contacts acme-key')
      expect(seen.some((line) => line.startsWith('POST /mcp'))).toBe(true)
    } finally {
      await new Promise((resolve) => upstream.close(resolve))
      expectNoSecrets(outputs, [planted.acme, planted.globex, env.OUTLOOP_PASSPHRASE])
      cleanup()
    }
  })
})
