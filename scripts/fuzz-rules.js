#!/usr/bin/env node
// How often does each rule miss a freshly generated key of its own kind? `node scripts/fuzz-rules.js [ROUNDS]`
// after `npm run build`. The test suite plants seeded fakes so it is repeatable; this explores fresh
// randomness (crypto) and prints, per rule, the misses out of the examples tried — each miss is a real key
// shape the scanner would drop. Prints rule ids and counts only, never a generated value.
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const REPO = dirname(dirname(fileURLToPath(import.meta.url)))
const {RULES, detectInText} = await import(pathToFileURL(join(REPO, 'dist/detectors/index.js')).href)

const rounds = Number(process.argv[2] ?? 200)
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write('usage: node scripts/fuzz-rules.js [ROUNDS]\n')
  process.exit(2)
}
let tried = 0
const misses = []
for (const rule of RULES) {
  let ruleTried = 0
  let missed = 0
  for (let i = 0; i < rounds; i++) {
    for (const example of rule.examples.matches()) {
      ruleTried++
      if (!detectInText(example).some((d) => d.ruleId === rule.id)) missed++
    }
  }
  tried += ruleTried
  if (missed > 0) misses.push({id: rule.id, missed, tried: ruleTried})
}
misses.sort((a, b) => b.missed / b.tried - a.missed / a.tried)
const total = misses.reduce((sum, m) => sum + m.missed, 0)
console.log(`${RULES.length} rules, ${tried} generated examples, ${total} missed (${((100 * total) / tried).toFixed(3)}%)`)
for (const m of misses) console.log(`  ${String(m.missed).padStart(5)} / ${m.tried}  ${m.id}`)
