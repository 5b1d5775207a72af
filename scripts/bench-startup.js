#!/usr/bin/env node
// Start-up benchmark (run after `npm run build`, or `npm run bench:startup`): the medians of RUNS runs of
// `outloop --version`, `outloop scan` of an empty folder and `outloop check --staged` with one file staged in a
// fresh git repository (what a pre-commit hook pays on each commit), each beside `node -e 0` timed in the same
// interleaved rounds, so the table also says how busy the machine was (node alone takes ~50 ms here when idle).
// Also counts the modules each command loads (through scripts/lib/trace-modules.js). Exits 1 when a median
// misses its target. BENCH_BEFORE=<another built checkout> times that checkout's CLI in the same rounds too, for a
// before/after comparison that a busy machine can't skew.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(repoRoot, 'bin', 'run.js')
const tracer = join(repoRoot, 'scripts', 'lib', 'trace-modules.js')

const work = mkdtempSync(join(tmpdir(), 'outloop-bench-startup-'))
const env = {...process.env, OUTLOOP_HOME: join(work, 'home'), NO_COLOR: '1', NODE_OPTIONS: ''}
delete env.OUTLOOP_PASSPHRASE

/** Runs a command to completion; throws on an unexpected exit so a broken build isn't timed as a fast one. */
function run(args, cwd, extraEnv = {}) {
  const result = spawnSync(process.execPath, args, {cwd, env: {...env, ...extraEnv}, encoding: 'utf8'})
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.trim().split('\n').at(-1)}`)
  return result
}

function git(cwd, ...args) {
  const result = spawnSync('git', args, {cwd, encoding: 'utf8', env: {...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'}})
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.trim()}`)
}

function time(args, cwd) {
  const start = process.hrtime.bigint()
  run(args, cwd)
  return Number(process.hrtime.bigint() - start) / 1e6
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The distinct modules a command loads, in all and from node_modules. */
function modulesLoaded(args, cwd) {
  const file = join(work, 'trace.txt')
  rmSync(file, {force: true})
  run(['--import', tracer, ...args], cwd, {OUTLOOP_TRACE_MODULES: file})
  const paths = new Set(readFileSync(file, 'utf8').split('\n').filter((p) => p !== '' && !p.startsWith('node:')))
  paths.delete(tracer)
  paths.delete(join(repoRoot, 'scripts', 'lib', 'trace-modules-hooks.js'))
  return {all: paths.size, packages: [...paths].filter((p) => p.includes('/node_modules/')).length}
}

try {
  const empty = join(work, 'empty')
  mkdirSync(empty)
  const repo = join(work, 'repo')
  mkdirSync(repo)
  git(repo, 'init', '-q')
  git(repo, 'config', 'user.email', 'bench@example.invalid')
  git(repo, 'config', 'user.name', 'bench')
  writeFileSync(join(repo, 'README.md'), '# bench\n')
  run([cli, 'baseline', '.'], repo)
  git(repo, 'add', '.')
  git(repo, 'commit', '-q', '-m', 'start')
  writeFileSync(join(repo, 'app.js'), 'export const greeting = "hello"\n')
  git(repo, 'add', 'app.js')

  const commands = (bin, label, target) => [
    {name: `${label}outloop --version`, args: [bin, '--version'], cwd: work, target: target && 150},
    {name: `${label}outloop scan <empty folder>`, args: [bin, 'scan', empty], cwd: work, target: target && 300},
    {name: `${label}outloop check --staged (1 file)`, args: [bin, 'check', '--staged'], cwd: repo, target: target && 400},
  ]
  const before = process.env.BENCH_BEFORE ? commands(join(process.env.BENCH_BEFORE, 'bin', 'run.js'), 'before: ', false) : []
  const cases = [{name: 'node -e 0', args: ['-e', '0'], cwd: work, target: null}, ...before, ...commands(cli, '', true)]
  for (const c of cases) time(c.args, c.cwd) // warm the disk cache
  const samples = cases.map(() => [])
  for (let i = 0; i < RUNS; i++) cases.forEach((c, j) => samples[j].push(time(c.args, c.cwd)))

  const node = median(samples[0])
  console.log(`Start-up, median of ${RUNS} interleaved runs (node ${process.version}):`)
  console.log(`${'command'.padEnd(42)}   median   over node   modules (packages)   target`)
  let missed = 0
  cases.forEach((c, j) => {
    const m = median(samples[j])
    const isNode = j === 0
    const loaded = isNode ? null : modulesLoaded(c.args, c.cwd)
    const verdict = !c.target ? '' : m <= c.target ? `< ${c.target} ms ok` : `< ${c.target} ms MISSED`
    if (c.target && m > c.target) missed++
    const mods = loaded === null ? '' : `${loaded.all} (${loaded.packages})`
    console.log(`${c.name.padEnd(42)} ${`${m.toFixed(0)} ms`.padStart(8)}   ${isNode ? '' : `+${(m - node).toFixed(0)} ms`.padStart(9)}   ${mods.padEnd(18)}   ${verdict}`)
  })
  process.exitCode = missed > 0 ? 1 : 0
} finally {
  rmSync(work, {recursive: true, force: true})
}
