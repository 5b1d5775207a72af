#!/usr/bin/env node
// Broker benchmark (run after `npm run build`): a local upstream and the broker each run in their own process
// on 127.0.0.1; this process is the agent. It measures the latency the broker adds over calling the same
// upstream directly (p50, p99; sequential, keep-alive) and requests/s through the broker with keep-alive at
// a fixed concurrency. Every broker request is fully decided and audited (session check, policy, audit
// record written); the key comes from an in-memory resolver, as the real broker caches vault reads.
import {fork} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {Agent, createServer, request} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const role = process.argv[2]

if (role === 'upstream') {
  const body = JSON.stringify({id: 'chatcmpl-bench', choices: [{message: {content: 'ok'}}]})
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(200, {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)}).end(body))
  })
  server.keepAliveTimeout = 60_000
  server.listen(0, '127.0.0.1', () => process.send({port: server.address().port}))
} else if (role === 'broker') {
  const {startBroker} = await import('../dist/broker/server.js')
  const {parsePolicyText} = await import('../dist/policy/parse.js')
  const {SecretValue} = await import('../dist/lib/secret-value.js')
  const [home, upstreamUrl] = process.argv.slice(3)
  const policy = parsePolicyText(`services:\n  openai:\n    upstream: ${upstreamUrl}\nclients:\n  acme:\n    - secret: openai-api-key\n      service: openai\n      methods: [POST]\n      paths: ["/v1/chat/completions"]\n`, 'bench')
  const key = new SecretValue('sk-bench-' + 'x'.repeat(40))
  const broker = await startBroker({home, policy, resolveSecret: async () => key})
  process.send({port: broker.port})
  process.on('SIGINT', () => process.exit(0))
} else {
  const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 5000)
  const WARMUP = 500
  const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)
  const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
  const home = mkdtempSync(join(tmpdir(), 'outloop-bench-broker-'))
  const children = []
  const start = (args) =>
    new Promise((resolve, reject) => {
      const child = fork(new URL(import.meta.url).pathname, args, {execArgv: process.env.BENCH_PROF && args[0] === 'broker' ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
      children.push(child)
      child.once('message', (m) => resolve(m.port))
      child.once('error', reject)
    })
  try {
    const {connectWorkspace} = await import('../dist/broker/bindings.js')
    const {loadSessionKey, mintSessionToken} = await import('../dist/broker/tokens.js')
    const workspace = join(home, 'clients', 'acme')
    mkdirSync(workspace, {recursive: true})
    const {binding} = await connectWorkspace(home, workspace, 'acme')
    const token = mintSessionToken(loadSessionKey(home), {tenant: 'acme', workspace: binding.dir, expiresAt: Date.now() + 3_600_000}).token
    const upstreamPort = await start(['upstream'])
    const brokerPort = await start(['broker', home, `http://127.0.0.1:${upstreamPort}`])
    const body = JSON.stringify({model: 'bench', messages: [{role: 'user', content: 'hi'}]})
    const targets = {
      direct: {port: upstreamPort, path: '/v1/chat/completions', headers: {authorization: 'Bearer sk-bench-direct'}},
      broker: {port: brokerPort, path: `/_t/${token}/openai/v1/chat/completions`, headers: {authorization: 'Bearer outloop://acme/openai-api-key'}},
    }
    const agent = new Agent({keepAlive: true, maxSockets: CONCURRENCY})
    const once = (target) =>
      new Promise((resolve, reject) => {
        const req = request({host: '127.0.0.1', port: target.port, path: target.path, method: 'POST', agent, headers: {...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body)}}, (res) => {
          if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`))
          res.resume()
          res.on('end', resolve)
        })
        req.on('error', reject)
        req.end(body)
      })
    const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
    const latency = async (target) => {
      for (let i = 0; i < WARMUP; i++) await once(target)
      const samples = []
      for (let i = 0; i < SEQUENTIAL; i++) {
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
    // Interleave rounds so a noisy moment on the machine lands on both sides.
    const direct = await latency(targets.direct)
    const brokered = await latency(targets.broker)
    const direct2 = await latency(targets.direct)
    const brokered2 = await latency(targets.broker)
    const d = {p50: Math.min(direct.p50, direct2.p50), p99: Math.min(direct.p99, direct2.p99)}
    const b = {p50: Math.min(brokered.p50, brokered2.p50), p99: Math.min(brokered.p99, brokered2.p99)}
    const directRps = await throughput(targets.direct)
    const brokerRps = await throughput(targets.broker)
    const f = (n) => n.toFixed(3)
    console.log(`Broker benchmark: ${SEQUENTIAL} sequential keep-alive requests per round (best of 2 rounds), then ${SECONDS}s at concurrency ${CONCURRENCY}`)
    console.log(`  direct   p50 ${f(d.p50)} ms   p99 ${f(d.p99)} ms`)
    console.log(`  broker   p50 ${f(b.p50)} ms   p99 ${f(b.p99)} ms`)
    console.log(`  added    p50 ${f(b.p50 - d.p50)} ms   p99 ${f(b.p99 - d.p99)} ms   (targets: < 1 ms, < 5 ms)`)
    console.log(`  throughput  direct ${Math.round(directRps)} req/s   broker ${Math.round(brokerRps)} req/s   (target: >= 2000 req/s)`)
    agent.destroy()
  } finally {
    for (const child of children) child.kill('SIGINT')
    rmSync(home, {recursive: true, force: true})
  }
}
