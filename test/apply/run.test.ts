import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {listJournals} from '../../src/apply/journal.js'
import {applyMigrationRun, MigrationStoppedError} from '../../src/apply/run.js'
import {loadFingerprintKey} from '../../src/lib/fingerprint.js'
import {planMigration} from '../../src/services/migrate.js'
import {openSecretStore} from '../../src/vault/open.js'
import {expectNoSecrets, makeTempDir, writeTree} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

const env = {...process.env, OUTLOOP_PASSPHRASE: 'apply run test passphrase'}

describe('a migration run', () => {
  it('turns SIGINT into a stop while it holds the lock: told once, every file put back, and its handlers gone after', async () => {
    const {dir, cleanup} = makeTempDir()
    try {
      const root = join(dir, 'clients')
      const home = join(dir, 'home')
      const key = detectableFake('openai-project-key')
      writeTree(root, {'acme/.env': `OPENAI_API_KEY=${key}\n`})
      const planned = await planMigration({root, home, env, threads: 1})
      const {store} = openSecretStore({home, env})
      const listeners = process.listenerCount('SIGINT')
      let told = 0
      const run = applyMigrationRun({
        home,
        root,
        store,
        fingerprintKey: loadFingerprintKey(home).key,
        plan: {confirmed: planned.plan},
        // The signal as the process would get it, without sending one to the test runner.
        onProgress: (message) => void (message.startsWith('Storing') && process.emit('SIGINT')),
        onStopSignal: () => told++,
      })
      const error = await run.catch((e: unknown) => e)
      expect(error).toBeInstanceOf(MigrationStoppedError)
      expect(told).toBe(1)
      expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(`OPENAI_API_KEY=${key}\n`)
      expect(listJournals(home).map((j) => [j.status, j.stopped])).toEqual([['rolled-back', true]])
      expect(process.listenerCount('SIGINT')).toBe(listeners)
      expectNoSecrets([String(error)], [key])
    } finally {
      cleanup()
    }
  })
})
