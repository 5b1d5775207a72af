#!/usr/bin/env node
// Migration benchmark (run after `npm run build`): a fresh agency tree of 5,000 files across 10 clients, 2,000
// of them holding one plaintext key each (.env, compose, .mcp.json, notes), migrated into a fresh file vault
// and rolled back. Prints the time of each phase; keys are generated here and never printed.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

import {RULES} from '../dist/detectors/index.js'
import {applyMigration, MigrationStoppedError, planMigration} from '../dist/services/migrate.js'
import {rollbackMigration} from '../dist/services/rollback.js'

const FILES = Number(process.env.BENCH_FILES ?? 5_000)
const SECRETS = Number(process.env.BENCH_SECRETS ?? 2_000)
const CLIENTS = 10
const fake = (id) => RULES.find((r) => r.id === id).fake()
const KINDS = [
  (i, key) => [`.env.${i}`, `# service ${i}\nOPENAI_API_KEY=${key}\nLOG_LEVEL=info\n`],
  (i, key) => [`compose-${i}.yaml`, `services:\n  app${i}:\n    image: app:1\n    environment:\n      OPENAI_API_KEY: "${key}"\n`],
  (i, key) => [`mcp-${i}/.mcp.json`, `{\n  "mcpServers": {\n    "s${i}": {"command": "npx", "env": {"OPENAI_API_KEY": "${key}"}}\n  }\n}\n`],
  (i, key) => [`notes/setup-${i}.md`, `# Setup ${i}\n\nUse the key \`${key}\` for the agent.\n`],
]

const base = mkdtempSync(join(tmpdir(), 'outloop-bench-migrate-'))
const root = join(base, 'clients')
const home = join(base, 'home')
const env = {...process.env, OUTLOOP_PASSPHRASE: 'bench passphrase for migrate'}
const write = (rel, text) => {
  mkdirSync(dirname(join(root, rel)), {recursive: true})
  writeFileSync(join(root, rel), text)
}
const seconds = (start) => ((performance.now() - start) / 1000).toFixed(2) + ' s'

try {
  for (let i = 0; i < FILES; i++) {
    const client = `client-${i % CLIENTS}`
    if (i < SECRETS) {
      const [rel, text] = KINDS[i % KINDS.length](i, fake('openai-project-key'))
      write(`${client}/${rel}`, text)
    } else {
      write(`${client}/src/module-${i}.js`, `export function f${i}(x) {\n  return x * ${i} // no key here\n}\n`)
    }
  }
  const options = {root, home, env, onProgress: () => {}}
  let start = performance.now()
  const plan = await planMigration(options)
  const planTime = seconds(start)
  const edits = plan.plan.files.reduce((n, f) => n + f.edits.length, 0)
  start = performance.now()
  const outcome = await applyMigration({...options, plan})
  const applyTime = seconds(start)
  start = performance.now()
  const again = await applyMigration(options)
  const againTime = seconds(start)
  start = performance.now()
  const back = await rollbackMigration({home, env})
  const rollbackTime = seconds(start)
  // Ctrl-C 100 ms into the rewriting phase: how soon the run sees it, and how long putting every file back takes.
  const controller = new AbortController()
  let askedAt = 0
  const stopping = applyMigration({
    ...options,
    plan: await planMigration(options),
    signal: controller.signal,
    onProgress: (message) => {
      if (message.startsWith('Rewriting')) setTimeout(() => ((askedAt = performance.now()), controller.abort()), 100)
    },
  })
  const stopped = await stopping.then(
    () => null,
    (error) => (error instanceof MigrationStoppedError ? error : Promise.reject(error)),
  )
  const stopTime = seconds(askedAt)
  console.log(`tree: ${FILES} files, ${SECRETS} keys in ${CLIENTS} clients`)
  console.log(`plan (scan + names + edits): ${planTime}: ${plan.plan.entries.length} entries, ${edits} edits in ${plan.plan.files.length} files`)
  console.log(`apply (vault write + verify, backups, atomic replace): ${applyTime}: ${outcome.created} entries created, ${outcome.written.length} files rewritten, ${outcome.skipped.length} skipped`)
  console.log(`second run (nothing to do): ${againTime}: run ${again.run === null ? 'none' : again.run}`)
  console.log(`rollback: ${rollbackTime}: ${back.outcome?.restored.length ?? 0} files restored, ${back.outcome?.conflicts.length ?? 0} conflicts`)
  console.log(stopped === null ? 'stop: the run finished before Ctrl-C was seen' : `stop (Ctrl-C 100 ms into rewriting): ${stopped.outcome.restored.length} files already rewritten put back, ${stopTime} from Ctrl-C to exit`)
} finally {
  rmSync(base, {recursive: true, force: true})
}
