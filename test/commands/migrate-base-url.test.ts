import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

/** A client .env fixing a provider's base URL overrides the broker's for agents that load .env: say so. */
describe('hard-coded provider base URLs in client .env files', () => {
  let dir: string
  let cleanup: () => void
  let root: string
  let home: string
  const openai = detectableFake('openai-project-key')
  const secrets = [openai]
  const env = {OUTLOOP_PASSPHRASE: 'base-url ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
  const outputs: string[] = []
  const cli = async (args: string[]): Promise<CliResult> => {
    const result = await runCli(args, {home, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }

  beforeEach(() => {
    ;({dir, cleanup} = makeTempDir('outloop-migrate-base-url-'))
    root = join(dir, 'clients')
    home = join(dir, 'home')
    outputs.length = 0
    writeTree(root, {
      'acme/.env': `OPENAI_API_KEY=${openai}\nOPENAI_BASE_URL=https://api.openai.com/v1\n`,
      // No key here, so the scan has nothing in it: the URL alone still bypasses the broker.
      'globex/.env.local': 'export ANTHROPIC_BASE_URL="https://api.anthropic.com"\n',
      'initech/.env': 'OPENAI_BASE_URL=${OUTLOOP_OPENAI_URL}\n',
    })
  })
  afterEach(() => {
    expectNoSecrets(outputs, [...secrets, env.OUTLOOP_PASSPHRASE])
    cleanup()
  })

  it('warns per file in the plan (text, JSON and when applying) and in outloop status', async () => {
    const text = await cli(['migrate', root, '--dry-run'])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toContain('acme/.env:2 sets OPENAI_BASE_URL to a fixed URL: an agent that loads this .env calls openai there, past the broker')
    expect(text.stdout).toContain('globex/.env.local:1 sets ANTHROPIC_BASE_URL to a fixed URL')
    expect(text.stdout).not.toContain('initech/.env')
    const json = JSON.parse((await cli(['migrate', root, '--dry-run', '--json'])).stdout) as {baseUrlOverrides: unknown[]}
    expect(json.baseUrlOverrides).toEqual([
      {file: 'acme/.env', line: 2, variable: 'OPENAI_BASE_URL', service: 'openai'},
      {file: 'globex/.env.local', line: 1, variable: 'ANTHROPIC_BASE_URL', service: 'anthropic'},
    ])
    const applied = await cli(['migrate', root, '--yes'])
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stderr).toContain('Warning: acme/.env:2 sets OPENAI_BASE_URL to a fixed URL')

    expect((await cli(['connect', join(root, 'acme'), '--tenant', 'acme'])).code).toBe(0)
    expect((await cli(['connect', join(root, 'initech'), '--tenant', 'initech'])).code).toBe(0)
    const status = await cli(['status'])
    expect(status.stdout + status.stderr).toContain(`Warning: ${join(root, 'acme', '.env')}:2 sets OPENAI_BASE_URL to a fixed URL`)
    expect(status.stdout + status.stderr).not.toContain(join(root, 'initech', '.env'))
  }, 60_000)
})
