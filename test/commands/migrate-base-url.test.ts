import {readFileSync} from 'node:fs'
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
      {file: 'acme/.env', line: 2, variable: 'OPENAI_BASE_URL', service: 'openai', commentedOut: false},
      {file: 'globex/.env.local', line: 1, variable: 'ANTHROPIC_BASE_URL', service: 'anthropic', commentedOut: false},
    ])
    const applied = await cli(['migrate', root, '--yes'])
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stderr).toContain('Warning: acme/.env:2 sets OPENAI_BASE_URL to a fixed URL')
    // Off by default: warned of, never touched.
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toContain('\nOPENAI_BASE_URL=https://api.openai.com/v1\n')

    expect((await cli(['connect', join(root, 'acme'), '--tenant', 'acme'])).code).toBe(0)
    expect((await cli(['connect', join(root, 'initech'), '--tenant', 'initech'])).code).toBe(0)
    const status = await cli(['status'])
    expect(status.stdout + status.stderr).toContain(`Warning: ${join(root, 'acme', '.env')}:2 sets OPENAI_BASE_URL to a fixed URL`)
    expect(status.stdout + status.stderr).not.toContain(join(root, 'initech', '.env'))
  }, 60_000)

  it('--fix-base-urls comments each line out in the run: shown in the dry run, applied, the agent loading .env reaches the broker, rollback byte for byte', async () => {
    // A comment and a CRLF line after the URL: both must come through the edit and the rollback unchanged.
    const acmeBefore = `OPENAI_API_KEY=${openai}\nOPENAI_BASE_URL=https://api.openai.com/v1\n# staging below\r\nMODEL=gpt-4o\n`
    writeTree(root, {'acme/.env': acmeBefore})
    const globexBefore = readFileSync(join(root, 'globex/.env.local'), 'utf8')
    const initechBefore = readFileSync(join(root, 'initech/.env'), 'utf8')

    const dry = await cli(['migrate', root, '--dry-run', '--fix-base-urls'])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toContain('OPENAI_BASE_URL=… → # OPENAI_BASE_URL=… (outloop run sets this)  (comment-out:')
    expect(dry.stdout).toContain('acme/.env:2: OPENAI_BASE_URL commented out')
    expect(dry.stdout).toContain('globex/.env.local:1: ANTHROPIC_BASE_URL commented out')
    expect(dry.stdout).not.toContain('sets OPENAI_BASE_URL to a fixed URL')
    // The URL itself is never printed: it may carry credentials in its user-info.
    expect(dry.stdout).not.toContain('api.openai.com')
    const json = JSON.parse((await cli(['migrate', root, '--dry-run', '--json', '--fix-base-urls'])).stdout) as {baseUrlOverrides: {commentedOut: boolean}[]; files: {file: string; edits: {fix?: string; placeholder: string}[]}[]}
    expect(json.baseUrlOverrides.map((o) => o.commentedOut)).toEqual([true, true])
    expect(json.files.map((f) => [f.file, f.edits.map((e) => e.fix ?? e.placeholder)])).toEqual([
      ['acme/.env', ['outloop://acme/openai-api-key', 'base-url']],
      ['globex/.env.local', ['base-url']],
    ])
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(acmeBefore)

    const applied = await cli(['migrate', root, '--yes', '--connect', '--fix-base-urls'])
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stdout).toContain('acme/.env:2: OPENAI_BASE_URL commented out')
    expect(applied.stderr).not.toContain('sets OPENAI_BASE_URL to a fixed URL')
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe('OPENAI_API_KEY=outloop://acme/openai-api-key\n# OPENAI_BASE_URL=https://api.openai.com/v1 (outloop run sets this)\n# staging below\r\nMODEL=gpt-4o\n')
    expect(readFileSync(join(root, 'globex/.env.local'), 'utf8')).toBe('# export ANTHROPIC_BASE_URL="https://api.anthropic.com" (outloop run sets this)\n')
    expect(readFileSync(join(root, 'initech/.env'), 'utf8')).toBe(initechBefore)

    // An agent that loads .env over its environment (as dotenv with override does) still gets the broker's URL.
    const agent = `
const fs = require('fs')
for (const line of fs.readFileSync('.env', 'utf8').split(/\\r?\\n/)) {
  const m = /^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line)
  if (m) process.env[m[1]] = m[2]
}
console.log('agent sees ' + process.env.OPENAI_BASE_URL)`
    const run = await runCli(['run', '--no-sandbox', '--workspace', join(root, 'acme'), '--', process.execPath, '-e', agent], {home, env, cwd: join(root, 'acme')})
    outputs.push(run.stdout, run.stderr)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/agent sees http:\/\/127\.0\.0\.1:\d+\//)

    const rollback = await cli(['rollback', '--yes'])
    expect(rollback.code, rollback.stderr).toBe(0)
    expect(rollback.stdout).toMatch(/: 2 files restored/)
    expect(readFileSync(join(root, 'acme/.env'), 'utf8')).toBe(acmeBefore)
    expect(readFileSync(join(root, 'globex/.env.local'), 'utf8')).toBe(globexBefore)
  }, 90_000)
})
