import {chmodSync, chownSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {readEncryptedBackup} from '../../src/apply/backup.js'
import {listJournals, runDir} from '../../src/apply/journal.js'
import {applyMigrationDecisions} from '../../src/plan/decisions.js'
import {applyMigration, planMigration} from '../../src/services/migrate.js'
import {rollbackMigration} from '../../src/services/rollback.js'
import {openSecretStore} from '../../src/vault/open.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

const env = {...process.env, OUTLOOP_PASSPHRASE: 'apply test passphrase'}

describe('applying a migration', () => {
  it('skips a file changed since the plan with a warning, and rewrites the rest', async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const a = detectableFake('openai-project-key')
      const b = detectableFake('github-pat')
      writeTree(root, {'acme/.env': `OPENAI_API_KEY=${a}\n`, 'acme/notes.md': `token: ${b}\n`})
      const options = {root, home, env, threads: 1}
      const plan = await planMigration(options)
      expect(plan.plan.files.map((f) => f.relPath)).toEqual(['acme/.env', 'acme/notes.md'])
      writeFileSync(join(root, 'acme/notes.md'), `token: ${b}\nmore notes\n`)
      const progress: string[] = []
      const outcome = await applyMigration({...options, plan, onProgress: (m) => progress.push(m)})
      expect(outcome.written).toEqual(['acme/.env'])
      expect(outcome.skipped).toEqual([{file: 'acme/notes.md', reason: 'changed since the plan was made: not rewritten'}])
      // Each phase says what it does, so a long run is never silent.
      expect(progress).toEqual(['Storing 2 vault entries, each read back…', 'Checking each rewrite and backing up 2 files, encrypted…', 'Rewriting 1 file…'])
      expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe('OPENAI_API_KEY=outloop://acme/openai-api-key\n')
      expect(readFileSync(join(root, 'acme/notes.md'), 'utf8')).toBe(`token: ${b}\nmore notes\n`)
      const journal = listJournals(home)[0]
      expect(journal.files.map((f) => f.state)).toEqual(['written', 'skipped'])
      // The backup opens only with the run's key from the vault, and holds the original bytes.
      const {store} = openSecretStore({home, env})
      const key = Buffer.from((await store.get({tenant: 'outloop.migrate', name: `backup-${journal.run}`}))?.value.reveal() ?? '', 'hex')
      expect(readEncryptedBackup(join(runDir(home, journal.run), journal.files[0].backup), key, journal.run, 'acme/.env')?.toString('utf8')).toBe(`OPENAI_API_KEY=${a}\n`)
      expect(readEncryptedBackup(join(runDir(home, journal.run), journal.files[0].backup), key, journal.run, 'acme/other')).toBeNull()
      expectNoSecrets([JSON.stringify(outcome.skipped), ...progress, readFileSync(join(runDir(home, journal.run), 'journal.json'), 'utf8')], [a, b])
    } finally {
      cleanup()
    }
  }, 60_000)

  it('undoes an unfinished run before a confirmed plan, then refuses that plan instead of applying what nobody confirmed', async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const a = detectableFake('openai-project-key')
      const g = detectableFake('anthropic-api-key')
      const before = {'acme/.env': `OPENAI_API_KEY=${a}\n`, 'globex/.env': `ANTHROPIC_API_KEY=${g}\n`}
      writeTree(root, before)
      const killed = await runCli(['migrate', root, '--yes'], {home, env: {...env, OUTLOOP_TEST_CRASH_AT: 'write-first'}})
      expect(killed.code).toBeNull()
      const options = {root, home, env, threads: 1}
      // The plan is made (and confirmed, leaving globex out) while the killed run's first file is rewritten.
      const planned = await planMigration(options)
      expect(planned.unfinished).toHaveLength(1)
      const confirmed = {...planned, plan: applyMigrationDecisions(planned.plan, {tenants: ['acme']})}
      await expect(applyMigration({...options, plan: confirmed})).rejects.toThrow(/^Unfinished run \S+ was undone first, so the plan you confirmed no longer fits the files: nothing else was changed\.$/)
      for (const [path, text] of Object.entries(before)) expect(readFileSync(join(root, path), 'utf8')).toBe(text)
      expect(listJournals(home).map((j) => j.status)).toEqual(['rolled-back'])
      // Planned again from the files as they are, it applies.
      const outcome = await applyMigration({...options, plan: await planMigration(options)})
      expect(outcome.written).toEqual(['acme/.env', 'globex/.env'])
      expectNoSecrets([killed.stdout, killed.stderr, JSON.stringify(listJournals(home))], [a, g])
    } finally {
      cleanup()
    }
  }, 60_000)

  it('limits a run to --tenant clients, and rollback --purge deletes only the entries that run created', async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const a = detectableFake('openai-project-key')
      const g = detectableFake('anthropic-api-key')
      writeTree(root, {'acme/.env': `OPENAI_API_KEY=${a}\n`, 'globex/.env': `ANTHROPIC_API_KEY=${g}\nOPENAI_API_KEY=${a}\n`})
      const globex = await runCli(['migrate', root, '--yes', '--tenant', 'globex', '--json'], {home, env})
      expect(globex.code).toBe(0)
      expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(`OPENAI_API_KEY=${a}\n`)
      expect(readFileSync(join(root, 'globex/.env'), 'utf8')).toBe('ANTHROPIC_API_KEY=outloop://globex/anthropic-api-key\nOPENAI_API_KEY=outloop://globex/openai-api-key\n')
      expect(JSON.parse(globex.stdout).shared).toEqual(['outloop://globex/openai-api-key'])
      const acme = await runCli(['migrate', root, '--yes'], {home, env})
      expect(acme.code).toBe(0)
      const {store} = openSecretStore({home, env})
      const clients = async (): Promise<string[]> => (await store.list()).filter((e) => e.ref.tenant !== 'outloop.migrate').map((e) => `${e.ref.tenant}/${e.ref.name}`)
      expect(await clients()).toEqual(['acme/openai-api-key', 'globex/anthropic-api-key', 'globex/openai-api-key'])
      const back = await rollbackMigration({home, env, purge: true})
      expect(back.outcome?.restored).toEqual(['acme/.env'])
      expect(back.purged).toBe(2)
      expect(await clients()).toEqual(['globex/anthropic-api-key', 'globex/openai-api-key'])
      expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(`OPENAI_API_KEY=${a}\n`)
      expectNoSecrets([globex.stdout, globex.stderr, acme.stdout, acme.stderr], [a, g])
    } finally {
      cleanup()
    }
  }, 60_000)

  it("with --interpolation tool, writes ${OUTLOOP_…} where the tool resolves variables itself, and the placeholder elsewhere", async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const a = detectableFake('openai-project-key')
      writeTree(root, {'acme/compose.yaml': `services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${a}\n`, 'acme/.env': `OPENAI_API_KEY=${a}\n`})
      const dry = await runCli(['migrate', root, '--dry-run', '--interpolation', 'tool'], {home, env})
      expect(dry.code).toBe(0)
      expect(dry.stdout).toContain('tool-interpolation: `${OUTLOOP_ACME_OPENAI_API_KEY}` replaces it, because docker compose resolves ${VAR} itself')
      const run = await runCli(['migrate', root, '--yes', '--interpolation', 'tool'], {home, env})
      expect(run.code).toBe(0)
      expect(readFileSync(join(root, 'acme/compose.yaml'), 'utf8')).toBe('services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${OUTLOOP_ACME_OPENAI_API_KEY}\n')
      expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe('OPENAI_API_KEY=outloop://acme/openai-api-key\n')
      expectNoSecrets([dry.stdout, dry.stderr, run.stdout, run.stderr], [a])
    } finally {
      cleanup()
    }
  }, 60_000)

  it.runIf(process.getuid?.() === 0)('keeps each file\'s owner and mode through migrate and rollback', async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const a = detectableFake('openai-project-key')
      writeTree(root, {'acme/.env': `OPENAI_API_KEY=${a}\n`})
      const path = join(root, 'acme/.env')
      chownSync(path, 4321, 4321)
      chmodSync(path, 0o604)
      await applyMigration({root, home, env, threads: 1})
      expect(readFileSync(path, 'utf8')).toBe('OPENAI_API_KEY=outloop://acme/openai-api-key\n')
      expect([statSync(path).uid, statSync(path).gid, statSync(path).mode & 0o777]).toEqual([4321, 4321, 0o604])
      await rollbackMigration({home, env})
      expect(readFileSync(path, 'utf8')).toBe(`OPENAI_API_KEY=${a}\n`)
      expect([statSync(path).uid, statSync(path).gid, statSync(path).mode & 0o777]).toEqual([4321, 4321, 0o604])
    } finally {
      cleanup()
    }
  }, 60_000)
})
