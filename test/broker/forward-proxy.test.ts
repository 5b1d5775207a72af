import {spawn} from 'node:child_process'
import {mkdirSync, readFileSync, realpathSync} from 'node:fs'
import {createServer as createHttpsServer, type Server} from 'node:https'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'

import {readAuditRecords} from '../../src/audit/reader.js'
import {connectWorkspace} from '../../src/broker/bindings.js'
import {brokerPaths} from '../../src/broker/files.js'
import {startBroker, type RunningBroker} from '../../src/broker/server.js'
import {loadSessionKey, mintSessionToken} from '../../src/broker/tokens.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {parsePolicyText} from '../../src/policy/parse.js'
import {fakeKeyOf} from '../helpers/fakes.js'
import {expectNoSecrets, makeTempDir} from '../helpers/tree.js'
import {makeUpstreamCertificates} from './tls-upstream.js'

interface Seen {
  method: string
  path: string
  authorization: string | undefined
  body: string
}

describe('the broker as the agent’s HTTPS proxy', () => {
  let tmp: {dir: string; cleanup: () => void}
  let home: string
  let upstream: Server
  let upstreamPort: number
  let broker: RunningBroker
  let upstreamCa: string
  const seen: Seen[] = []
  const acmeKey = fakeKeyOf('OpenAI').key
  const globexKey = fakeKeyOf('OpenAI').key
  let acmeToken = ''
  let globexToken = ''
  let outloopCa = ''

  beforeAll(async () => {
    tmp = makeTempDir('outloop-proxy-')
    home = join(tmp.dir, 'home')
    const certs = makeUpstreamCertificates(tmp.dir)
    upstreamCa = certs.ca
    upstream = createHttpsServer({cert: certs.cert, key: certs.key}, (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        seen.push({method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8')})
        res.writeHead(200, {'content-type': 'application/json'}).end('{"ok":true}')
      })
    })
    // A WebSocket-style upgrade: the upstream answers 101 only with acme's key, then echoes.
    upstream.on('upgrade', (req, socket) => {
      seen.push({method: 'UPGRADE', path: req.url ?? '', authorization: req.headers.authorization, body: ''})
      if (req.headers.authorization !== `Bearer ${acmeKey}`) return void socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n')
      socket.write('HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n\r\n')
      socket.on('data', (chunk: Buffer) => socket.write(Buffer.concat([Buffer.from('echo:'), chunk])))
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    upstreamPort = (upstream.address() as AddressInfo).port
    for (const tenant of ['acme', 'globex']) mkdirSync(join(tmp.dir, 'clients', tenant), {recursive: true})
    await connectWorkspace(home, join(tmp.dir, 'clients', 'acme'), 'acme')
    await connectWorkspace(home, join(tmp.dir, 'clients', 'globex'), 'globex')
    const policy = parsePolicyText(
      [
        'services:',
        '  acme-crm:',
        `    upstream: https://127.0.0.1:${upstreamPort}`,
        '    header: "Authorization: Bearer {secret}"',
        '    hosts: [api.crm.test]',
        `    ca: ${upstreamCa}`,
        '  globex-crm:',
        `    upstream: https://127.0.0.1:${upstreamPort}`,
        '    header: "Authorization: Bearer {secret}"',
        '    hosts: [api.globex-crm.test]',
        `    ca: ${upstreamCa}`,
        'clients:',
        '  acme:',
        '    - secret: crm-key',
        '      service: acme-crm',
        '      methods: [GET, POST]',
        '      paths: ["/v1/**"]',
        '  globex:',
        '    egress: deny',
        '    grants:',
        '      - secret: crm-key',
        '        service: globex-crm',
        '',
      ].join('\n'),
      join(home, 'policy.yaml'),
    )
    const vault = new Map([
      ['acme/crm-key', acmeKey],
      ['globex/crm-key', globexKey],
    ])
    broker = await startBroker({home, policy, resolveSecret: async (t, n) => (vault.has(`${t}/${n}`) ? new SecretValue(vault.get(`${t}/${n}`)!) : null), upstreamTimeoutMs: 5000})
    const key = loadSessionKey(home)
    const dirOf = (tenant: string) => realpathSync(join(tmp.dir, 'clients', tenant))
    acmeToken = mintSessionToken(key, {tenant: 'acme', workspace: dirOf('acme'), expiresAt: Date.now() + 600_000}).token
    globexToken = mintSessionToken(key, {tenant: 'globex', workspace: dirOf('globex'), expiresAt: Date.now() + 600_000}).token
    const {loadOrCreateLocalCa} = await import('../../src/broker/ca.js')
    outloopCa = loadOrCreateLocalCa(home).certPath
  })
  afterAll(async () => {
    await broker?.close()
    await new Promise((resolve) => upstream?.close(resolve))
    tmp?.cleanup()
  })

  const proxyUrl = (token: string) => `http://outloop:${token}@127.0.0.1:${broker.port}`
  const run = (command: string, args: string[], env: Record<string, string> = {}): Promise<{code: number; out: string}> =>
    new Promise((resolve) => {
      const child = spawn(command, args, {env: {PATH: process.env.PATH ?? '/usr/bin:/bin', ...env}})
      let out = ''
      child.stdout.on('data', (c) => (out += c))
      child.stderr.on('data', (c) => (out += c))
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({code: code ?? -1, out})
      })
    })
  const curl = (token: string, url: string, ...extra: string[]) => run('curl', ['-sS', '--max-time', '10', '--proxy', proxyUrl(token), '--cacert', outloopCa, ...extra, url])
  const records = (client: string) => readAuditRecords(brokerPaths(home).auditDir, client).filter((r) => r.phase === 'complete')

  it('intercepts a granted host: curl sends the placeholder, the upstream receives acme’s key', async () => {
    seen.length = 0
    const result = await curl(acmeToken, 'https://api.crm.test/v1/contacts?limit=1', '-H', 'Authorization: Bearer outloop://acme/crm-key')
    expect(result.code).toBe(0)
    expect(result.out).toContain('"ok":true')
    expect(seen).toHaveLength(1)
    expect(seen[0].authorization).toBe(`Bearer ${acmeKey}`)
    expect(seen[0].path).toBe('/v1/contacts?limit=1')
    expectNoSecrets(result.out, [acmeKey, globexKey])
    await vi.waitFor(() => expect(records('acme').some((r) => r.path === '/v1/contacts' && r.status === 200 && r.service === 'acme-crm')).toBe(true))
  })

  it('Python’s urllib and requests through HTTPS_PROXY reach the upstream with the key', async () => {
    for (const script of [
      `import urllib.request\nr = urllib.request.Request('https://api.crm.test/v1/py', headers={'Authorization': 'Bearer outloop://acme/crm-key'})\nprint(urllib.request.urlopen(r).read().decode())`,
      `import requests\nprint(requests.get('https://api.crm.test/v1/py', headers={'Authorization': 'Bearer outloop://acme/crm-key'}).text)`,
    ]) {
      seen.length = 0
      const result = await run('python3', ['-c', script], {HTTPS_PROXY: proxyUrl(acmeToken), SSL_CERT_FILE: outloopCa, REQUESTS_CA_BUNDLE: outloopCa})
      if (script.includes('import requests') && /No module named 'requests'/.test(result.out)) continue
      expect(result.out).toContain('"ok":true')
      expect(seen.map((s) => s.authorization)).toEqual([`Bearer ${acmeKey}`])
      expectNoSecrets(result.out, [acmeKey, globexKey])
    }
  })

  it('swaps a placeholder in a form body and in a JSON body, and refuses another client’s there', async () => {
    seen.length = 0
    const form = await curl(acmeToken, 'https://api.crm.test/v1/form', '--data', `channel=x&token=${encodeURIComponent('outloop://acme/crm-key')}`)
    expect(form.out).toContain('"ok":true')
    const json = await curl(acmeToken, 'https://api.crm.test/v1/json', '-H', 'content-type: application/json', '--data', '{"api_key":"outloop:\\/\\/acme\\/crm-key","n":1}')
    expect(json.out).toContain('"ok":true')
    expect(seen.map((s) => s.body)).toEqual([`channel=x&token=${encodeURIComponent(acmeKey)}`, `{"api_key":${JSON.stringify(acmeKey)},"n":1}`])
    seen.length = 0
    const foreign = await curl(acmeToken, 'https://api.crm.test/v1/form', '--data', 'token=outloop://globex/crm-key')
    expect(foreign.out).toContain('tenant-mismatch')
    expect(seen).toHaveLength(0)
  })

  it('refuses another client’s placeholder, a path not granted, and a host of a service not granted: the upstream counts zero', async () => {
    seen.length = 0
    const refusalsBefore = records('acme').filter((r) => r.decision === 'denied').length
    const mismatch = await curl(acmeToken, 'https://api.crm.test/v1/contacts', '-H', 'Authorization: Bearer outloop://globex/crm-key')
    expect(mismatch.out).toContain('tenant-mismatch')
    const basic = await curl(acmeToken, 'https://api.crm.test/v1/contacts', '-u', 'x-access-token:outloop://globex/crm-key')
    expect(basic.out).toContain('tenant-mismatch')
    const path = await curl(acmeToken, 'https://api.crm.test/admin/users', '-H', 'Authorization: Bearer outloop://acme/crm-key')
    expect(path.out).toContain('path-not-allowed')
    const host = await curl(acmeToken, 'https://api.globex-crm.test/v1/contacts', '-H', 'Authorization: Bearer outloop://acme/crm-key')
    expect(host.code).not.toBe(0)
    expect(host.out).toMatch(/403/)
    expect(seen).toHaveLength(0)
    // Each refusal is recorded once.
    await vi.waitFor(() => expect(records('acme').filter((r) => r.decision === 'denied').length - refusalsBefore).toBe(4))
    expect(records('acme').find((r) => r.method === 'CONNECT' && r.reason === 'service-not-allowed')?.host).toBe('api.globex-crm.test:443')
  })

  it('passes a WebSocket upgrade through an intercepted tunnel with the header swapped, and both directions flow', async () => {
    seen.length = 0
    const {connect: tlsConnect} = await import('node:tls')
    const {request: httpRequest} = await import('node:http')
    const text = await new Promise<string>((resolve, reject) => {
      const connect = httpRequest({host: '127.0.0.1', port: broker.port, method: 'CONNECT', path: 'api.crm.test:443', headers: {'proxy-authorization': `Basic ${Buffer.from(`outloop:${acmeToken}`).toString('base64')}`}})
      connect.once('connect', (res, raw) => {
        if (res.statusCode !== 200) return reject(new Error(`CONNECT ${res.statusCode}`))
        const tls = tlsConnect({socket: raw, servername: 'api.crm.test', ca: readFileSync(outloopCa)}, () => {
          tls.write('GET /v1/socket HTTP/1.1\r\nhost: api.crm.test\r\nupgrade: websocket\r\nconnection: Upgrade\r\nauthorization: Bearer outloop://acme/crm-key\r\n\r\n')
        })
        let got = ''
        tls.on('data', (chunk: Buffer) => {
          got += chunk.toString()
          if (got.includes('\r\n\r\n') && !got.includes('echo:')) tls.write('ping')
          if (got.includes('echo:ping')) {
            tls.destroy()
            resolve(got)
          }
        })
        tls.on('error', reject)
      })
      connect.once('error', reject)
      connect.end()
      setTimeout(() => reject(new Error('no upgrade')), 8000)
    })
    expect(text).toMatch(/^HTTP\/1.1 101/)
    expect(text).toContain('echo:ping')
    expect(seen).toEqual([{method: 'UPGRADE', path: '/v1/socket', authorization: `Bearer ${acmeKey}`, body: ''}])
    expectNoSecrets(text, [acmeKey])
  })

  it('asks for a session (407), refuses egress per client, and opens no tunnel to this machine', async () => {
    const none = await run('curl', ['-sS', '--max-time', '10', '--proxy', `http://127.0.0.1:${broker.port}`, '--cacert', outloopCa, 'https://api.crm.test/v1/x'])
    expect(none.out).toMatch(/407/)
    const denied = await curl(globexToken, 'https://elsewhere.test/')
    expect(denied.out).toMatch(/403/)
    const loopback = await curl(acmeToken, `https://127.0.0.1:${upstreamPort}/v1/x`, '-H', 'Authorization: Bearer outloop://acme/crm-key')
    expect(loopback.out).toMatch(/403/)
    // A name that resolves to this machine is refused like its address (where /etc/hosts has one besides localhost).
    const loopbackName = readFileSync('/etc/hosts', 'utf8')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .find(([address, ...names]) => /^(127\.|::1$)/.test(address ?? '') && names.some((name) => name && !name.includes('localhost')))
      ?.slice(1)
      .find((name) => !name.includes('localhost'))
    if (loopbackName) {
      const byName = await curl(acmeToken, `https://${loopbackName}:${upstreamPort}/v1/x`)
      expect(byName.out).toMatch(/403/)
      await vi.waitFor(() => expect(records('acme').some((r) => r.method === 'CONNECT' && r.reason === 'loopback-target' && r.host === `${loopbackName}:${upstreamPort}`)).toBe(true))
    }
    expect(seen.filter((s) => s.path.startsWith('/v1/x'))).toHaveLength(0)
    await vi.waitFor(() => expect(records('globex').some((r) => r.method === 'CONNECT' && r.reason === 'egress-denied' && r.host === 'elsewhere.test:443')).toBe(true))
    expect(records('acme').some((r) => r.method === 'CONNECT' && r.reason === 'loopback-target')).toBe(true)
    const auditText = ['acme', 'globex', '_unauthenticated'].map((c) => JSON.stringify(readAuditRecords(brokerPaths(home).auditDir, c))).join('\n')
    expectNoSecrets(auditText, [acmeKey, globexKey, acmeToken, globexToken])
  })
})
