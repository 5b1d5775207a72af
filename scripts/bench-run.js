#!/usr/bin/env node
// Confinement benchmark (run after `npm run build`): what the sandbox adds to the start of `outloop run`.
// Two measurements, each the median of N runs measured in the same run of this script:
//  1. the whole command, `outloop run -- true` against `outloop run --no-sandbox -- true`, with a running
//     `outloop serve` (so neither pays the vault's unlock);
//  2. the launch alone: spawning `true` directly against spawning it in the same bubblewrap sandbox that
//     `outloop run` builds (detection probe, plan, mounts, seccomp filter), from this process.
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(repo, 'bin', 'run.js')
const {detectConfinement, resolveSandboxMounts, spawnConfined} = await import('../dist/sandbox/launch.js')
const {planSandboxView} = await import('../dist/sandbox/profile.js')

const confinement = detectConfinement(process.env)
if (confinement.kind !== 'bubblewrap') {
  console.error(`No sandbox here (${confinement.reason ?? confinement.kind}): install bubblewrap.`)
  process.exit(2)
}

const root = mkdtempSync(join(tmpdir(), 'outloop-bench-run-'))
const home = join(root, 'home')
const client = join(root, 'clients', 'acme')
mkdirSync(client, {recursive: true})
const env = {...process.env, NO_COLOR: '1', OUTLOOP_HOME: home, OUTLOOP_VAULT: 'file', OUTLOOP_PASSPHRASE: 'bench passphrase ' + process.pid}
const cli = (args) => {
  const result = spawnSync(process.execPath, [bin, ...args], {env, encoding: 'utf8'})
  if (result.status !== 0) throw new Error(`outloop ${args.join(' ')}: ${result.stderr}`)
}
cli(['init', '--master-key', 'passphrase'])
cli(['connect', client, '--tenant', 'acme'])
for (let i = 0; i < 20; i++) {
  const other = join(root, 'clients', `client-${i}`)
  mkdirSync(other)
  cli(['connect', other, '--tenant', `client-${i}`])
}
writeFileSync(join(home, 'policy.yaml'), 'clients:\n  acme: []\n')
const serve = spawn(process.execPath, [bin, 'serve', '--port', '0'], {env, stdio: ['ignore', 'ignore', 'pipe']})
await new Promise((resolve) => {
  let text = ''
  serve.stderr.on('data', (d) => {
    text += d
    if (/Broker listening/.test(text)) resolve()
  })
})

const time = async (fn) => {
  const samples = []
  for (let i = 0; i < RUNS + 2; i++) {
    const start = process.hrtime.bigint()
    await fn()
    if (i >= 2) samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return summary(samples)
}
const exited = (child) => new Promise((resolve) => child.on('close', resolve))

// Interleaved, so a busy moment of the machine falls on both sides alike.
const launches = {unconfined: [], confined: []}
for (let i = 0; i < RUNS + 2; i++) {
  for (const [name, flags] of [['unconfined', ['--no-sandbox']], ['confined', []]]) {
    const start = process.hrtime.bigint()
    await exited(spawn(process.execPath, [bin, 'run', ...flags, '--workspace', client, '--', 'true'], {env, stdio: 'ignore'}))
    if (i >= 2) launches[name].push(Number(process.hrtime.bigint() - start) / 1e6)
  }
}
const summary = (samples) => {
  samples.sort((a, b) => a - b)
  return {median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1)}
}
const unconfined = summary(launches.unconfined)
const confined = summary(launches.confined)
const direct = await time(() => exited(spawn('true', [], {stdio: 'ignore'})))
const sandboxed = await time(async () => {
  const found = detectConfinement(process.env)
  const plan = planSandboxView({clientDir: client, outloopHome: home, userHome: homedir(), otherClientDirs: [], besideClientDirs: [], settings: {hide: [], writable: [], scratch: [], readable: []}, env: process.env})
  const {child} = spawnConfined(found, {command: ['true'], cwd: client, env: {PATH: process.env.PATH}, mounts: resolveSandboxMounts(plan), stdio: ['ignore', 'ignore', 'ignore']})
  await exited(child)
})

serve.kill('SIGTERM')
await exited(serve)
rmSync(root, {recursive: true, force: true})

const fmt = (t) => `${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`
console.log(`bubblewrap ${confinement.version}, ${RUNS} runs each, medians; 21 connected clients`)
console.log(`outloop run --no-sandbox -- true   ${fmt(unconfined)}`)
console.log(`outloop run -- true (confined)     ${fmt(confined)}`)
console.log(`  confinement adds                 ${(confined.median - unconfined.median).toFixed(1)} ms to the whole command (${(confined.median / unconfined.median).toFixed(2)}x)`)
console.log(`spawn true, directly               ${fmt(direct)}`)
console.log(`spawn true, in the sandbox         ${fmt(sandboxed)}  (probe + plan + mounts + seccomp)`)
console.log(`  the launch alone adds            ${(sandboxed.median - direct.median).toFixed(1)} ms`)
