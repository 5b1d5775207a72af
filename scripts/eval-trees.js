#!/usr/bin/env node
// Accuracy on trees the scanner has never seen: `node scripts/eval-trees.js [--trees N] [--seed S] [--keep]`.
//
// Builds N randomized agency trees (other client names, provider mixes, file styles, fresh keys), runs
// `node bin/run.js scan <root> --format json` on each and compares the report with the oracle's truth:
//   recall    — planted keys found (a finding in the same file whose line/column falls inside the key's text);
//   precision — reported findings that are planted keys (decoys and anything else count against it);
//   risks     — whether the duplicates, cross-client keys, shared-area keys and copied skills are reported;
//   leaks     — whether any planted value appears anywhere in the scanner's output (it must not).
// Misses and false alarms print as `file:line provider`, never with a value. Exits 1 below 98% recall or
// precision, on a missing risk, or on a leak; 2 when the scanner cannot be run.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {randomInt} from 'node:crypto'

import {buildAgencyTree, pickClientNames, seededRandom} from './lib/agency-tree.js'

const REPO = dirname(dirname(fileURLToPath(import.meta.url)))
const TARGET = 0.98

function parseArgs(argv) {
  const opts = {trees: 5, seed: randomInt(1, 1_000_000), keep: false, maxList: 40}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--trees') opts.trees = Number(argv[++i])
    else if (a === '--seed') opts.seed = Number(argv[++i])
    else if (a === '--keep') opts.keep = true
    else if (a === '--all') opts.maxList = Infinity
    else {
      process.stderr.write(`unknown argument ${a}\nusage: node scripts/eval-trees.js [--trees N] [--seed S] [--keep] [--all]\n`)
      process.exit(2)
    }
  }
  if (!Number.isInteger(opts.trees) || opts.trees < 1 || !Number.isInteger(opts.seed)) {
    process.stderr.write('--trees and --seed take whole numbers\n')
    process.exit(2)
  }
  return opts
}

/** Runs the scanner on `root` and returns the parsed report with the raw output (for the leak check). */
function runScan(root) {
  const started = Date.now()
  const r = spawnSync(process.execPath, [join(REPO, 'bin/run.js'), 'scan', root, '--format', 'json'], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: {...process.env, NO_COLOR: '1'},
  })
  const ms = Date.now() - started
  if (r.error) throw new Error(`can't run the scanner: ${r.error.message}`)
  if (r.status !== 0 && r.status !== 1) throw new Error(`the scanner exited ${r.status}: ${firstLines(r.stderr)}`)
  let report
  try {
    report = JSON.parse(r.stdout)
  } catch {
    throw new Error(`the scanner's stdout is not one JSON document (${r.stdout.length} bytes)`)
  }
  if (report.schema !== 'outloop.scan/v1' || !Array.isArray(report.findings)) throw new Error(`unexpected report schema ${report.schema}`)
  return {report, output: r.stdout + r.stderr, ms}
}

/** The first lines of the scanner's stderr, which must itself hold no key (the leak check covers it). */
function firstLines(text) {
  return (text ?? '').split('\n').slice(0, 5).join(' | ')
}

const before = (l1, c1, l2, c2) => l1 < l2 || (l1 === l2 && c1 < c2)
/** Whether line/column falls in the span [start, end) of a truth entry. */
const inside = (line, column, t) => !before(line, column, t.line, t.column) && before(line, column, t.endLine, t.endColumn)
const sameProvider = (a, b) => {
  const x = String(a ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')
  const y = String(b ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')
  return x === y || x.includes(y) || y.includes(x)
}

/** Compares one report with its tree's truth. */
function scoreTree(truth, report, output) {
  const byFile = new Map()
  for (const s of truth.secrets) {
    if (!byFile.has(s.file)) byFile.set(s.file, [])
    byFile.get(s.file).push(s)
  }
  const decoysByFile = new Map()
  for (const d of truth.decoys) {
    if (!decoysByFile.has(d.file)) decoysByFile.set(d.file, [])
    decoysByFile.get(d.file).push(d)
  }

  // Two rules reporting one position are one reported line for a person reading the report.
  const seen = new Set()
  const findings = report.findings.filter(f => {
    const k = `${f.file}:${f.line}:${f.column}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })

  const found = new Set()
  const falseAlarms = []
  const providerMismatch = []
  const tenantMismatch = []
  const fingerprintsOf = new Map()
  for (const f of findings) {
    const t = (byFile.get(f.file) ?? []).find(s => inside(f.line, f.column, s))
    if (!t) {
      const d = (decoysByFile.get(f.file) ?? []).find(x => inside(f.line, f.column, x))
      falseAlarms.push({file: f.file, line: f.line, rule: f.rule, decoy: d ? d.kind : null})
      continue
    }
    found.add(t)
    if (!sameProvider(f.provider, t.provider)) providerMismatch.push({file: f.file, line: f.line, expected: t.provider, got: f.provider})
    if ((f.tenant ?? null) !== t.tenant) tenantMismatch.push({file: f.file, line: f.line, expected: t.tenant, got: f.tenant ?? null})
    if (!fingerprintsOf.has(t.value)) fingerprintsOf.set(t.value, new Set())
    fingerprintsOf.get(t.value).add(f.fingerprint)
  }
  const misses = truth.secrets.filter(s => !found.has(s)).map(s => ({file: s.file, line: s.line, provider: s.oracle}))

  // Grouping: one value, one fingerprint; two values, two fingerprints.
  const owners = new Map()
  let splitValues = 0
  for (const [value, fps] of fingerprintsOf) {
    if (fps.size > 1) splitValues++
    for (const fp of fps) owners.set(fp, (owners.get(fp) ?? new Set()).add(value))
  }
  const mergedFingerprints = [...owners.values()].filter(v => v.size > 1).length

  const risks = checkRisks(truth, report.risks ?? [])
  const leaks = truth.secrets.filter(s => output.includes(s.value)).length
  const leakedValues = new Set(truth.secrets.filter(s => output.includes(s.value)).map(s => s.value)).size

  return {
    planted: truth.secrets.length,
    found: found.size,
    reported: findings.length,
    truePositives: findings.length - falseAlarms.length,
    misses,
    falseAlarms,
    decoysReported: falseAlarms.filter(f => f.decoy).length,
    providerMismatch,
    tenantMismatch,
    splitValues,
    mergedFingerprints,
    risks,
    leaks: leakedValues,
    leakPlaces: leaks,
  }
}

/** Which expected risks the report names; matching is by type, tenant and owner, or the names in the message. */
function checkRisks(truth, risks) {
  const text = r => JSON.stringify(r)
  const results = []
  for (const e of truth.risks) {
    let ok
    if (e.type === 'duplicate') {
      // Same tenant and at least one of the value's files: one tenant's .env holds many duplicated values.
      const overlaps = r => !Array.isArray(r.files) || r.files.some(f => e.files.includes(f))
      ok = risks.some(r => r.type === 'duplicate' && (r.tenant === e.tenant || (r.tenant === undefined && text(r).includes(e.tenant))) && overlaps(r))
    } else if (e.type === 'cross-client' || e.type === 'shared-area') {
      // A key in a shared area and a client may be reported as either; both name every client holding it.
      // A client's key copied into another client may be reported as foreign-tenant rather than cross-client.
      const types = e.type === 'cross-client' ? ['cross-client', 'foreign-tenant'] : ['shared-area', 'cross-client', 'foreign-tenant']
      ok = risks.some(r => types.includes(r.type) && e.tenants.every(tn => text(r).includes(tn)))
    } else {
      const types = e.withKey ? ['foreign-tenant'] : ['foreign-tenant', 'foreign-account']
      ok = risks.some(r => types.includes(r.type) && (r.tenant === e.tenant || text(r).includes(e.tenant)) && (r.owner === e.owner || text(r).includes(e.owner)))
    }
    results.push({...e, ok})
  }
  return results
}

function pct(n, d) {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)}%`
}

function main() {
  const opts = parseArgs(process.argv.slice(2))
  if (!existsSync(join(REPO, 'dist/commands/scan.js'))) {
    process.stderr.write('dist/commands/scan.js is missing: run `npm run build` first.\n')
    process.exit(2)
  }
  const base = mkdtempSync(join(tmpdir(), 'outloop-eval-'))
  const totals = {planted: 0, found: 0, reported: 0, truePositives: 0, decoys: 0, decoysReported: 0, risksExpected: 0, risksFound: 0, leaks: 0}
  const allMisses = []
  const allFalse = []
  const missingRisks = []
  const notes = []
  console.log(`Evaluating ${opts.trees} unseen trees (base seed ${opts.seed}; rerun with --seed ${opts.seed} for the same shapes)`)
  try {
    for (let i = 0; i < opts.trees; i++) {
      const seed = opts.seed + i * 7919
      const rng = seededRandom(seed)
      const clients = pickClientNames(rng.int(3, 9), seed)
      const scale = i % 3 === 2 ? 1 : 0
      const root = join(base, `tree-${i}`)
      const {scanRoot, truth} = buildAgencyTree(root, {clients, seed, scale})
      const {report, output, ms} = runScan(scanRoot)
      const s = scoreTree(truth, report, output)
      const risksOk = s.risks.filter(r => r.ok).length
      console.log(
        `tree ${i + 1} (seed ${seed}, ${clients.length} clients, ${truth.files} files): ` +
          `recall ${pct(s.found, s.planted)} (${s.found}/${s.planted}), precision ${pct(s.truePositives, s.reported)} (${s.truePositives}/${s.reported}), ` +
          `decoys reported ${s.decoysReported}/${truth.decoys.length}, risks ${risksOk}/${s.risks.length}, ${ms} ms`,
      )
      totals.planted += s.planted
      totals.found += s.found
      totals.reported += s.reported
      totals.truePositives += s.truePositives
      totals.decoys += truth.decoys.length
      totals.decoysReported += s.decoysReported
      totals.risksExpected += s.risks.length
      totals.risksFound += risksOk
      totals.leaks += s.leaks
      for (const m of s.misses) allMisses.push(`tree ${i + 1}  ${m.file}:${m.line}  ${m.provider}`)
      for (const f of s.falseAlarms) allFalse.push(`tree ${i + 1}  ${f.file}:${f.line}  ${f.rule}${f.decoy ? `  (decoy: ${f.decoy})` : ''}`)
      for (const r of s.risks.filter(x => !x.ok)) {
        const who = r.tenant ? `${r.tenant}${r.owner ? ` holding ${r.owner}'s` : ''}` : (r.tenants ?? []).join(' + ')
        missingRisks.push(`tree ${i + 1}  ${r.type}  ${who}${r.provider ? ` ${r.provider} key` : ''}${r.file ? `  ${r.file}` : ''}`)
      }
      if (s.providerMismatch.length) notes.push(`tree ${i + 1}: ${s.providerMismatch.length} findings name another provider (e.g. ${s.providerMismatch[0].file}:${s.providerMismatch[0].line} expected ${s.providerMismatch[0].expected}, got ${s.providerMismatch[0].got})`)
      if (s.tenantMismatch.length) notes.push(`tree ${i + 1}: ${s.tenantMismatch.length} findings carry the wrong tenant (e.g. ${s.tenantMismatch[0].file}:${s.tenantMismatch[0].line})`)
      if (s.splitValues) notes.push(`tree ${i + 1}: ${s.splitValues} values have more than one fingerprint (copies not grouped)`)
      if (s.mergedFingerprints) notes.push(`tree ${i + 1}: ${s.mergedFingerprints} fingerprints cover more than one value`)
      if (s.leaks) notes.push(`tree ${i + 1}: ${s.leaks} planted values appear in the scanner's output (${s.leakPlaces} places)`)
    }
  } catch (error) {
    process.stderr.write(`${error.message}\n`)
    if (!opts.keep) rmSync(base, {recursive: true, force: true})
    process.exit(2)
  }
  if (opts.keep) console.log(`Trees kept in ${base}`)
  else rmSync(base, {recursive: true, force: true})

  const recall = totals.found / totals.planted
  const precision = totals.reported === 0 ? 0 : totals.truePositives / totals.reported
  const list = (title, items) => {
    if (!items.length) return
    console.log(`\n${title} (${items.length}):`)
    for (const x of items.slice(0, opts.maxList)) console.log(`  ${x}`)
    if (items.length > opts.maxList) console.log(`  … ${items.length - opts.maxList} more (--all lists them)`)
  }
  list('Missed keys', allMisses)
  list('False alarms', allFalse)
  list('Risks not reported', missingRisks)
  list('Notes', notes)
  console.log(
    `\nOverall: recall ${pct(totals.found, totals.planted)} (${totals.found}/${totals.planted}), ` +
      `precision ${pct(totals.truePositives, totals.reported)} (${totals.truePositives}/${totals.reported}), ` +
      `decoys reported ${totals.decoysReported}/${totals.decoys}, risks ${totals.risksFound}/${totals.risksExpected}, ` +
      `leaked values ${totals.leaks}. Target: >= ${TARGET * 100}% recall and precision, every risk, no leak.`,
  )
  const pass = recall >= TARGET && precision >= TARGET && missingRisks.length === 0 && totals.leaks === 0
  console.log(pass ? 'PASS' : 'FAIL')
  process.exit(pass ? 0 : 1)
}

main()
