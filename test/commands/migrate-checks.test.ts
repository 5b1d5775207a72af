import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {listJournals} from '../../src/apply/journal.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

/** What migrate checks before it plans, and what the vault shows of migration's own entries afterwards. */
describe('outloop migrate: checks first, and no internal entries in vault list', () => {
  let dir: string
  let cleanup: () => void
  let root: string
  let home: string
  const openai = detectableFake('openai-project-key')
  const passphrase = 'checks ' + randomString(ALNUM, 16)
  const outputs: string[] = []
  const cli = async (args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> => {
    const result = await runCli(args, {home, env: {OUTLOOP_VAULT: '', ...env}})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeEach(() => {
    ;({dir, cleanup} = makeTempDir('outloop-migrate-checks-'))
    root = join(dir, 'clients')
    home = join(dir, 'home')
    outputs.length = 0
    writeTree(root, {'acme/.env': `OPENAI_API_KEY=${openai}\n`})
  })
  afterEach(() => {
    expectNoSecrets(outputs, [openai, passphrase])
    cleanup()
  })

  it('--yes off a terminal without OUTLOOP_PASSPHRASE fails before planning or storing, and leaves no journal', async () => {
    // A vault whose master key comes from a passphrase (with a keychain at hand, as in CI, a new vault would keep it there and need none).
    expect((await cli(['init', '--master-key', 'passphrase'], {OUTLOOP_PASSPHRASE: passphrase})).code).toBe(0)
    const r = await cli(['migrate', root, '--yes'], {OUTLOOP_PASSPHRASE: undefined})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/OUTLOOP_PASSPHRASE/)
    expect(r.stderr).not.toContain('Storing')
    expect(listJournals(home)).toEqual([])
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(`OPENAI_API_KEY=${openai}\n`)
  }, 30_000)

  it("vault list leaves out migration's backup keys and does not count them as a client", async () => {
    expect((await cli(['migrate', root, '--yes'], {OUTLOOP_PASSPHRASE: passphrase})).code).toBe(0)
    const json = JSON.parse((await cli(['vault', 'list', '--json'], {OUTLOOP_PASSPHRASE: passphrase})).stdout) as {entries: {ref: string}[]}
    expect(json.entries.map((e) => e.ref)).toEqual(['outloop://acme/openai-api-key'])
    const text = (await cli(['vault', 'list'], {OUTLOOP_PASSPHRASE: passphrase})).stdout
    expect(text).not.toContain('outloop.migrate')
    expect(text).toMatch(/1 entr\w+ (for|in) 1 (tenant|client)/)
    // Asked for by name, they are still there.
    const internal = JSON.parse((await cli(['vault', 'list', '--tenant', 'outloop.migrate', '--json'], {OUTLOOP_PASSPHRASE: passphrase})).stdout) as {entries: {ref: string}[]}
    expect(internal.entries).toHaveLength(1)
  }, 30_000)
})
