#!/usr/bin/env node
// Scan speed and memory at several sizes: `npm run bench:sizes` (or `node scripts/bench-scan-sizes.js [--runs N]
// [--only 3k,15k,45k,100k,1gb] [--proc-poll]`).
//
// Builds agency trees of about 3k, 15k, 45k and 100k scanned files (the generator `npm run bench` uses) and one 1 GB
// log file, each under os.tmpdir(), and deletes each after measuring it. For each, in the same run and
// alternating, `node bin/run.js scan` (JSON to /dev/null; --max-file-size raised for the 1 GB file) and rg
// counting the rules' keywords in the same files; prints the median time of --runs (default 3) for both, the
// median of the per-run ratios, and the scanner's peak memory (the highest of its runs).
// Targets: within 2x of rg, peak memory under 200 MB. Exits 1 when a target is missed, 2 when it can't run.
import {spawnSync} from 'node:child_process'
import {closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

import {buildAgencyTree, pickClientNames} from './lib/agency-tree.js'
import {forceProcPoll, hasRg, median, rgArgs, ruleKeywords, scannerLimits, timed} from './lib/scan-bench.js'

const REPO = dirname(dirname(fileURLToPath(import.meta.url)))
const TARGET_RATIO = 2
const TARGET_PEAK_MB = 200
/** Trees by label: clients × scale give about this many scanned files. */
const TREES = [
  {label: '3k', clients: 20, scale: 22},
  {label: '15k', clients: 50, scale: 44},
  {label: '45k', clients: 100, scale: 66},
  {label: '100k', clients: 150, scale: 96},
]
const BIG_FILE_BYTES = 1024 ** 3

function parseArgs(argv) {
  const opts = {runs: 3, only: null, procPoll: false}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--runs') opts.runs = Number(argv[++i])
    else if (a === '--only') opts.only = new Set(String(argv[++i]).split(','))
    else if (a === '--proc-poll') opts.procPoll = true
    else {
      process.stderr.write(`unknown argument ${a}\nusage: node scripts/bench-scan-sizes.js [--runs N] [--only 3k,15k,45k,100k,1gb] [--proc-poll]\n`)
      process.exit(2)
    }
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) {
    process.stderr.write('--runs takes a whole number of at least 1\n')
    process.exit(2)
  }
  return opts
}

/**
 * A 1 GB log: ordinary lines, with a freshly generated key of a few rules (and a PEM block) every 4 MB, written
 * in 4 MB pieces (each piece's keys are new, so the scan cannot shortcut repeats). Never printed.
 */
async function writeBigFile(file) {
  const {RULES} = await import(pathToFileURL(join(REPO, 'dist/detectors/index.js')).href)
  const shapes = RULES.filter(r => !r.names && !r.multiline && r.severity !== 'low' && !r.public).slice(0, 8)
  const pem = RULES.find(r => r.id === 'private-key')
  const filler = []
  for (let i = 0, length = 0; length < 4 * 1024 * 1024; i++) {
    filler.push(`2026-12-02T13:${String(i % 60).padStart(2, '0')}:00Z info request ${i} served in ${i % 97} ms path=/v1/items/${i}\n`)
    length += filler[filler.length - 1].length
  }
  const base = filler.join('')
  const fd = openSync(file, 'w')
  let written = 0
  let planted = 0
  try {
    for (let piece = 0; written < BIG_FILE_BYTES; piece++) {
      const keys = shapes.map(r => `  value: ${r.fake()}\n`).join('') + (piece % 4 === 0 ? `${pem.fake()}\n` : '')
      planted += shapes.length + (piece % 4 === 0 ? 1 : 0)
      const half = base.length >> 1
      const cut = base.indexOf('\n', half) + 1
      written += writeSync(fd, base.slice(0, cut) + keys + base.slice(cut))
    }
  } finally {
    closeSync(fd)
  }
  return {bytes: written, planted}
}

/** Runs outloop and rg alternately `runs` times on one root; medians and the scanner's peak memory. */
async function measure(root, runs, extraScanArgs, rgMaxFileSize, patternFile, limits) {
  const scanArgs = [join(REPO, 'bin/run.js'), 'scan', root, '--format', 'json', '--output', '/dev/null', ...extraScanArgs]
  const env = {...process.env, NO_COLOR: '1', OUTLOOP_HOME: join(dirname(root), 'home')}
  // One untimed pass of each so both read from the page cache.
  spawnSync('rg', ['--hidden', '--no-ignore', '--count', 'x', root], {stdio: 'ignore'})
  const scanMs = []
  const rgMs = []
  const ratios = []
  let peak = 0
  for (let i = 0; i < runs; i++) {
    const scan = await timed(process.execPath, scanArgs, {cwd: REPO, env})
    if (scan.code !== 0 && scan.code !== 1) throw new Error(`the scanner exited ${scan.code}: ${scan.stderr.split('\n').find(l => l.trim()) ?? ''}`)
    const rg = await timed('rg', rgArgs(patternFile, limits, root, rgMaxFileSize), {})
    if (rg.code !== 0 && rg.code !== 1) throw new Error(`rg exited ${rg.code}`)
    peak = Math.max(peak, scan.peakMb)
    scanMs.push(scan.ms)
    rgMs.push(rg.ms)
    ratios.push(scan.ms / rg.ms)
  }
  return {scanMs: median(scanMs), rgMs: median(rgMs), ratio: median(ratios), peakMb: peak}
}

/** Files and bytes the scanner reads under `root`: outside ignored folders, within the size limit. */
function scannedWork(root, limits) {
  const ignored = new Set(limits.dirs)
  const out = {files: 0, bytes: 0}
  for (const entry of readdirSync(root, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || limits.files.includes(entry.name)) continue
    const rel = relative(root, entry.parentPath)
    if (rel.split(sep).some(part => ignored.has(part))) continue
    const size = statSync(join(entry.parentPath, entry.name)).size
    if (size > limits.maxFileSize) continue
    out.files++
    out.bytes += size
  }
  return out
}

function row(label, what, r) {
  return `${label.padEnd(5)} ${what.padEnd(24)} outloop ${(r.scanMs / 1000).toFixed(2).padStart(6)} s  rg ${(r.rgMs / 1000).toFixed(2).padStart(6)} s  ratio ${r.ratio.toFixed(2).padStart(5)}x  peak ${r.peakMb.toFixed(0).padStart(4)} MB`
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  if (opts.procPoll) forceProcPoll()
  for (const f of ['dist/commands/scan.js', 'dist/detectors/index.js', 'dist/scan/config.js']) {
    if (!existsSync(join(REPO, f))) {
      process.stderr.write(`${f} is missing: run \`npm run build\` first (npm run bench:sizes does).\n`)
      process.exit(2)
    }
  }
  if (!hasRg()) {
    process.stderr.write('rg (ripgrep) is not installed, so there is nothing to compare with: `apt-get install ripgrep` and run again.\n')
    process.exit(2)
  }
  const limits = await scannerLimits(REPO)
  const {keywords} = await ruleKeywords(REPO)
  let ok = true
  const check = r => {
    ok = ok && r.ratio <= TARGET_RATIO && r.peakMb < TARGET_PEAK_MB
  }
  console.log(`Medians of ${opts.runs} alternating runs; targets: ratio <= ${TARGET_RATIO}x, peak < ${TARGET_PEAK_MB} MB.`)
  for (const tree of TREES) {
    if (opts.only && !opts.only.has(tree.label)) continue
    // Outside the repository: a tree full of planted keys inside it would be scanned by `outloop scan .`.
    const dir = mkdtempSync(join(tmpdir(), `outloop-sizes-${tree.label}-`))
    try {
      const patternFile = join(dir, 'keywords.txt')
      writeFileSync(patternFile, keywords.join('\n') + '\n')
      const {scanRoot} = buildAgencyTree(join(dir, 'tree'), {clients: pickClientNames(tree.clients, 42), seed: 42, scale: tree.scale})
      const work = scannedWork(scanRoot, limits)
      const r = await measure(scanRoot, opts.runs, [], limits.maxFileSize, patternFile, limits)
      console.log(row(tree.label, `${work.files} files, ${(work.bytes / 1024 / 1024).toFixed(0)} MB`, r))
      check(r)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  }
  if (!opts.only || opts.only.has('1gb')) {
    const dir = mkdtempSync(join(tmpdir(), 'outloop-sizes-1gb-'))
    try {
      const patternFile = join(dir, 'keywords.txt')
      writeFileSync(patternFile, keywords.join('\n') + '\n')
      const root = join(dir, 'tree')
      spawnSync('mkdir', ['-p', join(root, 'acme', 'logs')])
      const {bytes} = await writeBigFile(join(root, 'acme', 'logs', 'huge.log'))
      const r = await measure(root, opts.runs, ['--max-file-size', '2GB'], 2 * 1024 ** 3, patternFile, limits)
      console.log(row('1gb', `1 file, ${(bytes / 1024 / 1024).toFixed(0)} MB`, r))
      check(r)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  }
  console.log(ok ? 'PASS' : 'MISS')
  process.exit(ok ? 0 : 1)
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(2)
})
