#!/usr/bin/env node
// Forward-proxy benchmark (run after `npm run build`): a TLS upstream with its own test CA (openssl) and the
// broker each run in their own process on 127.0.0.1; this process is the agent, which reaches the upstream
// either directly or through the broker as its HTTPS proxy (CONNECT, intercepted with a leaf of the local CA,
// every request decided and audited). It measures the latency the proxy adds on a kept-alive TLS connection
// (p50, p99), the cost of a new TLS connection through it with the leaf already cached, and requests/s.
import {execFileSync, fork} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {request as httpRequest} from 'node:http'
import {Agent, createServer, request} from 'node:https'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {connect as tlsConnect} from 'node:tls'

const role = process.argv[2]

if (role === 'upstream') {
  const [cert, key] = process.argv.slice(3).map((p) => readFileSync(p, 'utf8'))
  const body = JSON.stringify({id: 'chatcmpl-bench', choices: [{message: {content: 'ok'}}]})
  const server = createServer({cert, key}, (req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(200, {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)}).end(body))
  })
  server.keepAliveTimeout = 60_000
  server.listen(0, '127.0.0.1', () => process.send({port: server.address().port}))
} else if (role === 'broker') {
  const {startBroker} = await import('../dist/broker/server.js')
  const {parsePolicyText} = await import('../dist/policy/parse.js')
  const {SecretValue} = await import('../dist/lib/secret-value.js')
  const [home, port, ca] = process.argv.slice(3)
  const policy = parsePolicyText(`services:\n  crm:\n    upstream: https://127.0.0.1:${port}\n    header: "Authorization: Bearer {secret}"\n    hosts: [api.bench.test]\n    ca: ${ca}\nclients:\n  acme:\n    - {secret: crm-key, service: crm, methods: [POST], paths: ["/v1/chat/completions"]}\n`, 'bench')
  const key = new SecretValue('crm-bench-' + 'x'.repeat(40))
  const broker = await startBroker({home, policy, resolveSecret: async () => key})
  process.send({port: broker.port})
  process.on('SIGINT', () => process.exit(0))
} else {
  const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 3000)
  const HANDSHAKES = Number(process.env.BENCH_HANDSHAKES ?? 300)
  const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)
  const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
  const home = mkdtempSync(join(tmpdir(), 'outloop-bench-proxy-'))
  const children = []
  const start = (args) =>
    new Promise((resolve, reject) => {
      const child = fork(new URL(import.meta.url).pathname, args, {stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
      children.push(child)
      child.once('message', (m) => resolve(m.port))
      child.once('error', reject)
    })
  try {
    const run = (...args) => execFileSync('openssl', args, {cwd: home, stdio: 'pipe'})
    run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=bench CA')
    run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1')
    writeFileSync(join(home, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n')
    run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf')
    const {connectWorkspace} = await import('../dist/broker/bindings.js')
    const {loadSessionKey, mintSessionToken} = await import('../dist/broker/tokens.js')
    const {loadOrCreateLocalCa} = await import('../dist/broker/ca.js')
    const workspace = join(home, 'clients', 'acme')
    mkdirSync(workspace, {recursive: true})
    const {binding} = await connectWorkspace(home, workspace, 'acme')
    const token = mintSessionToken(loadSessionKey(home), {tenant: 'acme', workspace: binding.dir, expiresAt: Date.now() + 3_600_000}).token
    const outloopCa = loadOrCreateLocalCa(home).certPem
    const upstreamPort = await start(['upstream', join(home, 'server.pem'), join(home, 'server.key')])
    const brokerPort = await start(['broker', home, String(upstreamPort), join(home, 'ca.pem')])
    const proxyAuth = 'Basic ' + Buffer.from(`outloop:${token}`).toString('base64')
    // The agent's side of the proxy, as the Node preload does it: one CONNECT tunnel per pooled connection.
    class ViaProxy extends Agent {
      createConnection(options, callback) {
        const connect = httpRequest({host: '127.0.0.1', port: brokerPort, method: 'CONNECT', path: `${options.host}:443`, agent: false, headers: {'proxy-authorization': proxyAuth}})
        connect.once('connect', (res, socket) => (res.statusCode === 200 ? callback(null, tlsConnect({socket, servername: options.host, ca: outloopCa})) : callback(new Error(`CONNECT ${res.statusCode}`))))
        connect.once('error', callback)
        connect.end()
      }
    }
    const body = JSON.stringify({model: 'bench', messages: [{role: 'user', content: 'hi'}]})
    const upstreamCa = readFileSync(join(home, 'ca.pem'))
    const makeTarget = (kind, keepAlive) =>
      kind === 'direct'
        ? {host: '127.0.0.1', port: upstreamPort, agent: new Agent({keepAlive, maxSockets: CONCURRENCY, ca: upstreamCa}), headers: {authorization: 'Bearer crm-bench-direct'}}
        : {host: 'api.bench.test', port: 443, agent: new ViaProxy({keepAlive, maxSockets: CONCURRENCY}), headers: {authorization: 'Bearer outloop://acme/crm-key'}}
    const once = (target) =>
      new Promise((resolve, reject) => {
        const req = request({host: target.host, port: target.port, path: '/v1/chat/completions', method: 'POST', agent: target.agent, headers: {...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body)}}, (res) => {
          if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`))
          res.resume()
          res.on('end', resolve)
        })
        req.on('error', reject)
        req.end(body)
      })
    const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
    const latency = async (target, count) => {
      for (let i = 0; i < Math.min(300, count); i++) await once(target)
      const samples = []
      for (let i = 0; i < count; i++) {
        const t = process.hrtime.bigint()
        await once(target)
        samples.push(Number(process.hrtime.bigint() - t) / 1e6)
      }
      samples.sort((a, b) => a - b)
      return {p50: quantile(samples, 0.5), p99: quantile(samples, 0.99)}
    }
    const throughput = async (target) => {
      let done = 0
      const until = Date.now() + SECONDS * 1000
      const started = process.hrtime.bigint()
      await Promise.all(
        Array.from({length: CONCURRENCY}, async () => {
          while (Date.now() < until) {
            await once(target)
            done++
          }
        }),
      )
      return done / (Number(process.hrtime.bigint() - started) / 1e9)
    }
    const best = (a, b) => ({p50: Math.min(a.p50, b.p50), p99: Math.min(a.p99, b.p99)})
    const direct = makeTarget('direct', true)
    const proxied = makeTarget('proxy', true)
    const d = best(await latency(direct, SEQUENTIAL), await latency(direct, SEQUENTIAL))
    const p = best(await latency(proxied, SEQUENTIAL), await latency(proxied, SEQUENTIAL))
    const dNew = await latency(makeTarget('direct', false), HANDSHAKES)
    const pNew = await latency(makeTarget('proxy', false), HANDSHAKES)
    const directRps = await throughput(direct)
    const proxyRps = await throughput(proxied)
    const f = (n) => n.toFixed(3)
    console.log(`Proxy benchmark: ${SEQUENTIAL} sequential requests on a kept-alive TLS connection (best of 2 rounds), ${HANDSHAKES} on new connections, then ${SECONDS}s at concurrency ${CONCURRENCY}`)
    console.log(`  kept-alive   direct p50 ${f(d.p50)} ms  p99 ${f(d.p99)} ms   proxy p50 ${f(p.p50)} ms  p99 ${f(p.p99)} ms`)
    console.log(`  added        p50 ${f(p.p50 - d.p50)} ms   p99 ${f(p.p99 - d.p99)} ms   (targets: < 1 ms, < 5 ms)`)
    console.log(`  new TLS connection (leaf cached): direct p50 ${f(dNew.p50)} ms   proxy p50 ${f(pNew.p50)} ms   added ${f(pNew.p50 - dNew.p50)} ms`)
    console.log(`  throughput   direct ${Math.round(directRps)} req/s   proxy ${Math.round(proxyRps)} req/s   (target: >= 2000 req/s)`)
    for (const t of [direct, proxied]) t.agent.destroy()
  } finally {
    for (const child of children) child.kill('SIGINT')
    rmSync(home, {recursive: true, force: true})
  }
}
