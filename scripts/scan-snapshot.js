#!/usr/bin/env node
// Correctness guard for scanner speed work: `node scripts/scan-snapshot.js save FILE ROOT...` scans each root
// with the built CLI (`node bin/run.js scan ROOT --format json`) and writes the reports, minus what changes from
// run to run (timings, the absolute root); `node scripts/scan-snapshot.js check FILE` scans the same roots again
// and exits 1 when any finding, secret, risk, skip or count differs, naming the first differences.
//
// Fingerprints are keyed by OUTLOOP_HOME's key, so both runs must share one home: the snapshot keeps a home of
// its own beside FILE (FILE.home, mode 0700). Reports hold previews and fingerprints only, never values; the
// snapshot is still best kept outside the repository (the roots are trees full of planted keys).
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const REPO = dirname(dirname(fileURLToPath(import.meta.url)))

/** One root's report without the fields that differ between identical scans. */
function scanRoot(root, home) {
  const run = spawnSync(process.execPath, [join(REPO, 'bin/run.js'), 'scan', root, '--format', 'json'], {
    env: {...process.env, OUTLOOP_HOME: home, NO_COLOR: '1'},
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  if (run.status !== 0 && run.status !== 1) throw new Error(`scan of ${root} exited ${run.status}: ${run.stderr.split('\n')[0]}`)
  const report = JSON.parse(run.stdout)
  delete report.root
  delete report.stats.ms
  return report
}

/** Paths where two JSON values differ, at most `limit`. */
function differences(a, b, path = '', out = [], limit = 10) {
  if (out.length >= limit) return out
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    out.push(`${path || '.'}: ${JSON.stringify(a)?.slice(0, 120)} -> ${JSON.stringify(b)?.slice(0, 120)}`)
  } else if (Array.isArray(a)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items -> ${b.length}`)
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out, limit)
  } else if (a !== null && typeof a === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[key], b[key], `${path}.${key}`, out, limit)
  } else if (a !== b) {
    out.push(`${path}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`)
  }
  return out
}

function main() {
  const [mode, file, ...roots] = process.argv.slice(2)
  if (!file || (mode === 'save' && roots.length === 0) || (mode !== 'save' && mode !== 'check')) {
    process.stderr.write('usage: node scripts/scan-snapshot.js save FILE ROOT... | check FILE\n')
    process.exit(2)
  }
  const home = `${resolve(file)}.home`
  mkdirSync(home, {recursive: true, mode: 0o700})
  if (mode === 'save') {
    const reports = roots.map((root) => ({root: resolve(root), report: scanRoot(resolve(root), home)}))
    writeFileSync(file, JSON.stringify(reports) + '\n', {mode: 0o600})
    for (const {root, report} of reports) process.stderr.write(`${root}: ${report.stats.files} files, ${report.findings.length} findings, ${report.secrets.length} secrets\n`)
    return
  }
  let same = true
  for (const {root, report} of JSON.parse(readFileSync(file, 'utf8'))) {
    const now = scanRoot(root, home)
    const diff = differences(report, now)
    process.stderr.write(`${root}: ${diff.length === 0 ? 'identical' : 'DIFFERENT'} (${now.stats.files} files, ${now.findings.length} findings)\n`)
    for (const line of diff) process.stderr.write(`  ${line}\n`)
    if (diff.length > 0) same = false
  }
  process.exit(same ? 0 : 1)
}

main()
