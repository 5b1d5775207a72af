#!/usr/bin/env node
// Speed benchmark: `npm run bench` (or `node scripts/bench-scan.js [--rebuild] [--runs N] [--clients N] [--scale N] [--floor]`).
//
// Builds, once, a large synthetic agency tree under $TMPDIR/outloop-bench (OUTLOOP_BENCH_DIR overrides; at least 20,000 scanned files and 200 MB: many
// clients, their configs and keys, code, JSON data, docs, logs, some multi-MB log archives, and node_modules
// and .git noise the scanner skips), then in the same run times
//   (a) `node bin/run.js scan <tree> --format json --output /dev/null`, and
//   (b) ripgrep searching the same files for the rules' keywords (case-insensitive, hidden files, the scanner's
//       ignores and size limit, counts only),
// and prints files, MB, files/s, MB/s and peak memory for each (median of --runs, default 3), and the ratio scanner/rg.
// Peak memory comes from `/usr/bin/time -v` when present, else from polling /proc/<pid>/status (--proc-poll forces it).
// --floor also times the pipeline's first stages alone (scripts/lib/floor-stage.js: the scanner's walker, then
// its reader, its decoder and its keyword pre-filter, on as many threads as the scan uses, and nothing else), each
// as a ratio to rg: what Node pays before any rule runs, so how close to rg the whole scan could come.
// Targets (issue 17): within 2x of rg, peak memory under 200 MB. Exits 1 when a target is missed, 2 when it can't run.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {buildAgencyTree, pickClientNames} from './lib/agency-tree.js'
import {forceProcPoll, hasRg, median, rgArgs, ruleKeywords, scannerLimits, timed} from './lib/scan-bench.js'

const REPO = dirname(dirname(fileURLToPath(import.meta.url)))
// Outside the repository by default: a tree full of planted keys inside it would be scanned by `outloop scan .`.
const BENCH_DIR = process.env.OUTLOOP_BENCH_DIR || join(tmpdir(), 'outloop-bench')
const TREE_DIR = join(BENCH_DIR, 'tree')
const META = join(BENCH_DIR, 'tree.json')
/** Bump when the generator changes enough that a cached tree no longer stands for the current one. */
const TREE_VERSION = 1
const TARGET_RATIO = 2
const TARGET_PEAK_MB = 200
const FLOOR_STAGES = ['walk', 'read', 'decode', 'prefilter']
const MIN_FILES = 20_000
const MIN_BYTES = 200 * 1024 * 1024

function parseArgs(argv) {
  const opts = {rebuild: false, runs: 3, clients: 60, scale: 48, procPoll: false, floor: false}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--rebuild') opts.rebuild = true
    else if (a === '--proc-poll') opts.procPoll = true
    else if (a === '--floor') opts.floor = true
    else if (a === '--runs') opts.runs = Number(argv[++i])
    else if (a === '--clients') opts.clients = Number(argv[++i])
    else if (a === '--scale') opts.scale = Number(argv[++i])
    else {
      process.stderr.write(`unknown argument ${a}\nusage: node scripts/bench-scan.js [--rebuild] [--runs N] [--clients N] [--scale N] [--proc-poll] [--floor]\n`)
      process.exit(2)
    }
  }
  for (const k of ['runs', 'clients', 'scale']) {
    if (!Number.isInteger(opts[k]) || opts[k] < 1) {
      process.stderr.write(`--${k} takes a whole number of at least 1\n`)
      process.exit(2)
    }
  }
  return opts
}

/** Builds the tree unless a cached one of the same shape is there. */
function ensureTree(opts) {
  const wanted = {version: TREE_VERSION, clients: opts.clients, scale: opts.scale}
  if (!opts.rebuild && existsSync(META)) {
    const meta = JSON.parse(readFileSync(META, 'utf8'))
    if (meta.version === wanted.version && meta.clients === wanted.clients && meta.scale === wanted.scale && existsSync(join(TREE_DIR, 'clients'))) {
      process.stderr.write(`Using the cached tree in ${TREE_DIR} (--rebuild makes a new one)\n`)
      return {scanRoot: join(TREE_DIR, 'clients'), meta}
    }
  }
  process.stderr.write(`Building the benchmark tree (${opts.clients} clients, scale ${opts.scale}) in ${TREE_DIR} …\n`)
  const started = Date.now()
  mkdirSync(BENCH_DIR, {recursive: true})
  rmSync(META, {force: true})
  const {scanRoot, truth} = buildAgencyTree(TREE_DIR, {clients: pickClientNames(opts.clients, 42), seed: 42, scale: opts.scale})
  const meta = {...wanted, files: truth.files, bytes: truth.bytes, planted: truth.secrets.length, buildMs: Date.now() - started}
  // The truth's values stay in memory; only counts are cached.
  writeFileSync(META, JSON.stringify(meta, null, 2) + '\n')
  process.stderr.write(`Built in ${(meta.buildMs / 1000).toFixed(1)} s\n`)
  return {scanRoot, meta}
}

/** Files and bytes the scanner and rg both read: not in ignored folders, not over the size limit. */
function measureWork(root, limits) {
  const ignoredDirs = new Set(limits.dirs)
  const ignoredFiles = new Set(limits.files)
  const out = {files: 0, bytes: 0, ignoredFiles: 0, oversize: 0}
  const walk = dir => {
    for (const e of readdirSync(dir, {withFileTypes: true})) {
      const p = join(dir, e.name)
      if (e.isDirectory()) {
        if (ignoredDirs.has(e.name)) out.ignoredFiles += countFiles(p)
        else walk(p)
      } else if (e.isFile()) {
        if (ignoredFiles.has(e.name)) continue
        const size = statSync(p).size
        if (size > limits.maxFileSize) out.oversize++
        else {
          out.files++
          out.bytes += size
        }
      }
    }
  }
  walk(root)
  return out
}

function countFiles(dir) {
  let n = 0
  for (const e of readdirSync(dir, {withFileTypes: true})) n += e.isDirectory() ? countFiles(join(dir, e.name)) : 1
  return n
}

/** The median time of `runs` runs, with the highest peak memory seen. */
async function medianOf(runs, cmd, args, options) {
  const times = []
  let last = null
  let peak = 0
  for (let i = 0; i < runs; i++) {
    const r = await timed(cmd, args, options)
    peak = Math.max(peak, r.peakMb)
    if (r.code !== 0 && r.code !== 1) return {...r, peakMb: peak, failed: true}
    times.push(r.ms)
    last = r
  }
  return {...last, ms: median(times), peakMb: peak}
}

function row(label, work, r) {
  const s = r.ms / 1000
  const mb = work.bytes / 1024 / 1024
  return `${label.padEnd(9)} ${String(work.files).padStart(7)} files  ${mb.toFixed(1).padStart(7)} MB  ${s.toFixed(2).padStart(7)} s  ${Math.round(work.files / s).toString().padStart(7)} files/s  ${(mb / s).toFixed(1).padStart(7)} MB/s  peak ${r.peakMb.toFixed(0).padStart(4)} MB`
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  if (opts.procPoll) forceProcPoll()
  for (const f of ['dist/commands/scan.js', 'dist/detectors/index.js', 'dist/scan/config.js']) {
    if (!existsSync(join(REPO, f))) {
      process.stderr.write(`${f} is missing: run \`npm run build\` first (npm run bench does).\n`)
      process.exit(2)
    }
  }
  const limits = await scannerLimits(REPO)
  const {rules, keywords} = await ruleKeywords(REPO)
  const {scanRoot} = ensureTree(opts)
  const work = measureWork(scanRoot, limits)
  const cores = availableParallelism?.() ?? cpus().length
  console.log(`Tree: ${work.files} files, ${(work.bytes / 1024 / 1024).toFixed(1)} MB scanned (+ ${work.ignoredFiles} files in ignored folders, ${work.oversize} over the ${(limits.maxFileSize / 1024 / 1024).toFixed(0)} MB limit); ${cores} cores; ${rules} rules, ${keywords.length} keywords`)
  if (work.files < MIN_FILES || work.bytes < MIN_BYTES) console.log(`Note: smaller than the intended ${MIN_FILES} files / ${MIN_BYTES / 1024 / 1024} MB (--clients and --scale make it bigger).`)

  // One untimed pass so both tools read from the page cache rather than whichever runs first paying for the disk.
  if (hasRg()) spawnSync('rg', ['--hidden', '--no-ignore', '--count', 'x', scanRoot], {stdio: 'ignore'})

  const scan = await medianOf(opts.runs, process.execPath, [join(REPO, 'bin/run.js'), 'scan', scanRoot, '--format', 'json', '--output', '/dev/null'], {cwd: REPO, env: {...process.env, NO_COLOR: '1'}})
  if (scan.failed) {
    process.stderr.write(`The scanner exited ${scan.code}: ${scan.stderr.split('\n').filter(l => l && !/^\s/.test(l)).slice(0, 3).join(' | ')}\n`)
    process.exit(2)
  }
  console.log(row('outloop', work, scan))

  let ok = scan.peakMb < TARGET_PEAK_MB
  if (!hasRg()) {
    console.log('rg (ripgrep) is not installed, so there is nothing to compare with: `apt-get install ripgrep` and run again.')
  } else {
    const patternFile = join(BENCH_DIR, 'keywords.txt')
    writeFileSync(patternFile, keywords.join('\n') + '\n')
    const rg = await medianOf(opts.runs, 'rg', rgArgs(patternFile, limits, scanRoot), {})
    if (rg.failed) {
      process.stderr.write(`rg exited ${rg.code}\n`)
      process.exit(2)
    }
    console.log(row('rg', work, rg))
    const ratio = scan.ms / rg.ms
    console.log(`Ratio outloop/rg: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x; rg uses all ${cores} cores). Peak memory: ${scan.peakMb.toFixed(0)} MB (target < ${TARGET_PEAK_MB} MB).`)
    ok = ok && ratio <= TARGET_RATIO
    if (opts.floor) {
      console.log('Floor: the scan\'s first stages alone, each including the ones before it (same files, same threads):')
      for (const stage of FLOOR_STAGES) {
        const r = await medianOf(opts.runs, process.execPath, [join(REPO, 'scripts/lib/floor-stage.js'), stage, scanRoot], {cwd: REPO})
        if (r.failed) {
          process.stderr.write(`floor stage ${stage} exited ${r.code}: ${r.stderr.split('\n').slice(0, 3).join(' | ')}\n`)
          process.exit(2)
        }
        console.log(`${row(`  ${stage}`, work, r)}  ${(r.ms / rg.ms).toFixed(2)}x rg, ${((100 * r.ms) / scan.ms).toFixed(0)}% of the scan`)
      }
    }
  }
  console.log(ok ? 'PASS' : 'MISS')
  process.exit(ok ? 0 : 1)
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(2)
})
