#!/usr/bin/env node
// Breadth check against an external yardstick: gitleaks' own examples for its rules
// (/work/shared/benchmarks/gitleaks-cases.jsonl, one {rule_id, kind, text, generated} per line).
//
// Each case's text goes to its own file (tp/<n>.txt or fp/<n>.txt: a neutral name, so the file name neither
// helps nor hurts), the real scan runs over the folder, and a case counts when its file gets at least one
// finding. Prints the two rates and, per gitleaks rule id, how many true cases were missed and how many
// near-misses were reported. It never prints a case's text or a finding's value: only ids and counts.
//
// Misses are also sorted by why, with outloop's own detector code (never by hand): a case whose key is a
// low-information placeholder (a run or sequence, `12345678-ABCD-…`), which outloop leaves unreported on purpose;
// one whose key is public by design (a publishable key a `public` rule recognises); and the rest. The first two
// bound what the rate can reach without reporting what the scanner is meant to stay silent on.
//
// Usage: npm run bench:yardstick [-- --cases FILE] [--top N] [--engine] [--keep]
//   --engine  run dist/detectors directly instead of the CLI (faster; skips format parsers)
//   --keep    leave the temp folder in place and print its path
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const DEFAULT_CASES = '/work/shared/benchmarks/gitleaks-cases.jsonl'

function parseArgs(argv) {
  const options = {cases: process.env.YARDSTICK_CASES ?? DEFAULT_CASES, top: 25, engine: false, keep: false}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--cases') options.cases = argv[++i]
    else if (arg === '--top') options.top = Number(argv[++i])
    else if (arg === '--engine') options.engine = true
    else if (arg === '--keep') options.keep = true
    else {
      process.stderr.write(`Unknown argument ${arg}. Use --cases FILE, --top N, --engine or --keep.\n`)
      process.exit(2)
    }
  }
  return options
}

/** Reads the case file; each case keeps its gitleaks rule id and kind, and the path its text is written to. */
function loadCases(path) {
  if (!existsSync(path)) {
    process.stderr.write(`Can't read the yardstick at ${path}: no such file. Pass --cases FILE.\n`)
    process.exit(2)
  }
  const cases = []
  const counters = {tp: 0, fp: 0}
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const record = JSON.parse(line)
    if (record.kind !== 'tp' && record.kind !== 'fp') continue
    const n = ++counters[record.kind]
    cases.push({ruleId: record.rule_id, kind: record.kind, text: record.text, file: `${record.kind}/${String(n).padStart(5, '0')}.txt`})
  }
  return cases
}

function writeCases(dir, cases) {
  mkdirSync(join(dir, 'tp'), {recursive: true})
  mkdirSync(join(dir, 'fp'), {recursive: true})
  for (const c of cases) writeFileSync(join(dir, c.file), c.text)
}

/** Files with at least one finding, by running `outloop scan DIR --format json`. */
function flaggedByCli(dir, work) {
  const output = join(work, 'report.json')
  const home = join(work, 'home')
  mkdirSync(home, {recursive: true})
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), 'scan', dir, '--format', 'json', '--output', output], {
    env: {...process.env, OUTLOOP_HOME: home, NO_COLOR: '1'},
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0 && result.status !== 1) {
    // stderr of a scan never holds a secret, but keep only its first lines to stay readable.
    process.stderr.write(`outloop scan exited with ${result.status}:\n${String(result.stderr).split('\n').slice(0, 10).join('\n')}\n`)
    process.exit(2)
  }
  const report = JSON.parse(readFileSync(output, 'utf8'))
  const flagged = new Map()
  for (const finding of report.findings) {
    const rules = flagged.get(finding.file) ?? new Set()
    rules.add(finding.rule)
    flagged.set(finding.file, rules)
  }
  return flagged
}

/** Files with at least one finding, by calling the built detector engine on each text. */
async function flaggedByEngine(cases) {
  const engine = await import(pathToFileURL(join(ROOT, 'dist/detectors/index.js')).href)
  const flagged = new Map()
  for (const c of cases) {
    const detections = engine.detectInText(c.text)
    if (detections.length > 0) flagged.set(c.file, new Set(detections.map((d) => d.ruleId)))
  }
  return flagged
}

/**
 * Why a missed true case went unreported, judged by the built detectors: `low-information` when a candidate
 * value (a prefix rule's match, or an assigned value) is a decoy by outloop's own filter, `public` when a rule
 * marked public by design matches, else `missed`.
 */
async function missClassifier() {
  const detectors = await import(pathToFileURL(join(ROOT, 'dist/detectors/index.js')).href)
  const shapeRules = detectors.RULES.filter((rule) => !rule.names)
  const candidates = (text) => {
    const values = detectors.findTextAssignments(text).map((assignment) => text.slice(assignment.valueStart, assignment.valueEnd))
    for (const rule of shapeRules) {
      const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'g')
      for (const match of text.matchAll(pattern)) values.push(match.groups?.secret ?? match[0])
    }
    return values
  }
  const publicNameRules = detectors.RULES.filter((rule) => rule.names && rule.public)
  return (text) => {
    const values = candidates(text)
    if (shapeRules.some((rule) => rule.public && rule.pattern.test(text))) return 'public'
    if (values.some((value) => publicNameRules.some((rule) => rule.pattern.test(value)))) return 'public'
    if (values.some((value) => detectors.decoyReason(value) !== null)) return 'low-information'
    return 'missed'
  }
}

function percent(n, m) {
  return m === 0 ? '0.0' : ((100 * n) / m).toFixed(1)
}

function countBy(items) {
  const counts = new Map()
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const cases = loadCases(options.cases)
  const useCli = !options.engine && existsSync(join(ROOT, 'dist/commands/scan.js'))
  if (!useCli && !existsSync(join(ROOT, 'dist/detectors/index.js'))) {
    process.stderr.write('No build found: run npm run build first (npm run bench:yardstick does).\n')
    process.exit(2)
  }

  const work = mkdtempSync(join(tmpdir(), 'outloop-yardstick-'))
  const dir = join(work, 'cases')
  const started = Date.now()
  let flagged
  try {
    if (useCli) {
      writeCases(dir, cases)
      flagged = flaggedByCli(dir, work)
    } else {
      flagged = await flaggedByEngine(cases)
    }
  } finally {
    if (options.keep) process.stderr.write(`Cases kept in ${dir}\n`)
    else rmSync(work, {recursive: true, force: true})
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)

  const tp = cases.filter((c) => c.kind === 'tp')
  const fp = cases.filter((c) => c.kind === 'fp')
  const found = tp.filter((c) => flagged.has(c.file))
  const reported = fp.filter((c) => flagged.has(c.file))
  const missedByRule = countBy(tp.filter((c) => !flagged.has(c.file)).map((c) => c.ruleId))
  const reportedByRule = countBy(reported.map((c) => c.ruleId))
  const firingOnFp = countBy(reported.flatMap((c) => [...flagged.get(c.file)]))
  const classify = await missClassifier()
  const missedWhy = new Map()
  for (const c of tp.filter((c) => !flagged.has(c.file))) {
    const why = classify(c.text)
    const rules = missedWhy.get(why) ?? []
    rules.push(c.ruleId)
    missedWhy.set(why, rules)
  }
  const byDesign = (missedWhy.get('low-information')?.length ?? 0) + (missedWhy.get('public')?.length ?? 0)
  const whyLine = (why, label) => {
    const rules = countBy(missedWhy.get(why) ?? [])
    const total = rules.reduce((sum, [, n]) => sum + n, 0)
    return `  ${String(total).padStart(4)}  ${label}${rules.length > 0 ? ': ' + rules.slice(0, 8).map(([id, n]) => `${id} ${n}`).join(', ') : ''}`
  }

  const lines = [
    `yardstick: ${options.cases} via ${useCli ? 'outloop scan' : 'dist/detectors'} (${seconds}s)`,
    `tp found ${found.length}/${tp.length} (${percent(found.length, tp.length)}%)`,
    `fp reported ${reported.length}/${fp.length} (${percent(reported.length, fp.length)}%)`,
    `ceiling: ${tp.length - byDesign}/${tp.length} (${percent(tp.length - byDesign, tp.length)}%) if every miss but those left unreported by design were found`,
    '',
    'true cases missed, by why (outloop\'s own filters decide):',
    whyLine('low-information', 'low-information placeholder, unreported on purpose'),
    whyLine('public', 'public by design (publishable key)'),
    whyLine('missed', 'missed'),
    '',
    `true cases missed, by gitleaks rule (top ${options.top} of ${missedByRule.length}):`,
    ...missedByRule.slice(0, options.top).map(([id, n]) => `  ${String(n).padStart(4)}  ${id}`),
    '',
    `near-misses reported, by gitleaks rule (${reportedByRule.length} rules):`,
    ...reportedByRule.map(([id, n]) => `  ${String(n).padStart(4)}  ${id}`),
    '',
    'our rules that fired on near-misses:',
    ...firingOnFp.map(([id, n]) => `  ${String(n).padStart(4)}  ${id}`),
  ]
  process.stdout.write(lines.join('\n') + '\n')
}

await main()
