import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {startFakeUpstream, type FakeUpstream} from '../broker/harness.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

interface Risk {
  type: string
  severity: string
  tenant: string | null
  owner: string | null
  files: string[]
}

/** A key of acme's copied into a globex skill: migrating must not hand it to globex, nor hide the risk. */
describe('outloop migrate with a wrong-client copy', () => {
  let dir: string
  let cleanup: () => void
  let root: string
  let home: string
  let upstream: FakeUpstream
  const acmeKey = detectableFake('openai-project-key')
  const globexKey = detectableFake('anthropic-api-key')
  const secrets = [acmeKey, globexKey]
  const env = {OUTLOOP_PASSPHRASE: 'foreign ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
  const outputs: string[] = []
  const cli = async (args: string[]): Promise<CliResult> => {
    const result = await runCli(args, {home, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  const skill = (): string => join(root, 'globex', 'skills', 'report', 'SKILL.md')

  beforeEach(async () => {
    ;({dir, cleanup} = makeTempDir('outloop-migrate-foreign-'))
    root = join(dir, 'clients')
    home = join(dir, 'home')
    outputs.length = 0
    upstream = await startFakeUpstream()
    writeTree(root, {
      'acme/.env': `OPENAI_API_KEY=${acmeKey}\n`,
      'globex/.env': `ANTHROPIC_API_KEY=${globexKey}\n`,
      'globex/skills/report/SKILL.md': `# Weekly report\n\nCopied from acme's setup.\n\n\`\`\`sh\nexport OPENAI_API_KEY=${acmeKey}\n\`\`\`\n`,
    })
  })
  afterEach(async () => {
    await upstream.close()
    expectNoSecrets(outputs, [...secrets, env.OUTLOOP_PASSPHRASE])
    cleanup()
  })

  it("plans acme's placeholder for the copy, keeps the risk critical after migrating, and a globex session using it gets 403 with no upstream call", async () => {
    const before = JSON.parse((await cli(['scan', root, '--format', 'json'])).stdout) as {risks: Risk[]}
    expect(before.risks[0]).toMatchObject({type: 'foreign-tenant', severity: 'critical', tenant: 'globex', owner: 'acme'})

    // The plan says whose key the copy is, and gives globex no entry for it.
    const dry = await cli(['migrate', root, '--dry-run', '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    const plan = JSON.parse(dry.stdout) as {entries: {ref: string; guests: string[]}[]; files: {file: string; edits: {placeholder: string; owner: string | null; foreign: boolean}[]}[]}
    expect(plan.entries.map((e) => [e.ref, e.guests])).toEqual([
      ['outloop://acme/openai-api-key', ['globex']],
      ['outloop://globex/anthropic-api-key', []],
    ])
    expect(plan.files.find((f) => f.file === 'globex/skills/report/SKILL.md')!.edits).toMatchObject([{placeholder: 'outloop://acme/openai-api-key', owner: 'acme', foreign: true}])

    const migrated = await cli(['migrate', root, '--yes'])
    expect(migrated.code, migrated.stderr).toBe(0)
    expect(readFileSync(skill(), 'utf8')).toContain('export OPENAI_API_KEY=outloop://acme/openai-api-key\n')
    const vault = JSON.parse((await cli(['vault', 'list', '--json'])).stdout) as {entries: {ref: string}[]}
    const refs = vault.entries.map((e) => e.ref).filter((r) => !r.includes('outloop.migrate'))
    expect(refs).toEqual(['outloop://acme/openai-api-key', 'outloop://globex/anthropic-api-key'])

    // The rescan no longer finds the key, but still reports the copy, at the same severity.
    const after = JSON.parse((await cli(['scan', root, '--format', 'json'])).stdout) as {risks: Risk[]; findings: unknown[]}
    expect(after.findings).toEqual([])
    expect(after.risks[0]).toMatchObject({type: 'foreign-reference', severity: 'critical', tenant: 'globex', owner: 'acme', files: ['globex/skills/report/SKILL.md']})

    // globex is granted OpenAI (with an entry of its own it does not have): its agent follows the skill.
    writeFileSync(join(home, 'policy.yaml'), `services:\n  openai:\n    upstream: ${upstream.url}\nclients:\n  acme:\n    - {secret: openai-api-key, service: openai}\n  globex:\n    - {secret: openai-api-key, service: openai}\n`)
    expect((await cli(['connect', join(root, 'acme'), '--tenant', 'acme'])).code).toBe(0)
    expect((await cli(['connect', join(root, 'globex'), '--tenant', 'globex'])).code).toBe(0)
    const agent = `const fs = require('node:fs'); const key = fs.readFileSync(${JSON.stringify(skill())}, 'utf8').match(/outloop:\\/\\/[a-z0-9.\\/_-]+/)[0]; fetch(process.env.OPENAI_BASE_URL + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer ' + key}, body: '{}'}).then(async (r) => console.log(r.status, (await r.json()).error.reason))`
    const run = await cli(['run', '--workspace', join(root, 'globex'), '--', process.execPath, '-e', agent])
    expect(run.stdout.trim(), run.stderr).toBe('403 tenant-mismatch')
    expect(upstream.seen).toHaveLength(0)
    const audit = JSON.parse((await cli(['audit', '--tenant', 'globex', '--json'])).stdout) as {records: {decision: string; reason: string}[]}
    expect(audit.records.map((r) => `${r.decision} ${r.reason}`)).toEqual(['denied tenant-mismatch'])
  }, 90_000)
})
