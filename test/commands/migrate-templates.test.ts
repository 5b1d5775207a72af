import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {extractValues} from '../../src/formats/index.js'
import {ALNUM, randomString} from '../../src/lib/random.js'
import {openSecretStore} from '../../src/vault/open.js'
import {startFakeUpstream, type FakeUpstream} from '../broker/harness.js'
import {expectNoSecrets, makeTempDir, runCli, writeTree, type CliResult} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'
import {filesUnder, findClearValues, runCliWithInput} from '../vault/cli.js'

interface PlanDoc {
  tenants: string[]
  entries: {ref: string; tenant: string; sharedWith: string[]; sharedAcrossClients: boolean}[]
  files: {file: string; tenant: string | null; edits: {placeholder: string; stored?: string; owner: string | null; foreign: boolean}[]}[]
  skipped: {file: string}[]
}

/** A `_templates/` folder with keys: the round trip ends with nothing in clear, and a copied template working. */
describe('outloop migrate with a shared area (_templates/)', () => {
  let dir: string
  let cleanup: () => void
  let root: string
  let home: string
  let upstream: FakeUpstream
  const acmeOpenai = detectableFake('openai-project-key')
  const globexOpenai = detectableFake('openai-project-key')
  // The template's own OpenAI key, held by no client; its Anthropic key is acme's, under another variable name.
  const templateOpenai = detectableFake('openai-project-key')
  const acmeAnthropic = detectableFake('anthropic-api-key')
  const initechOpenai = detectableFake('openai-project-key')
  const secrets = [acmeOpenai, globexOpenai, templateOpenai, acmeAnthropic, initechOpenai]
  const env = {OUTLOOP_PASSPHRASE: 'templates ' + randomString(ALNUM, 16), OUTLOOP_VAULT: ''}
  const outputs: string[] = []
  const cli = async (args: string[]): Promise<CliResult> => {
    const result = await runCli(args, {home, env})
    outputs.push(result.stdout, result.stderr)
    return result
  }
  let original: Record<string, string>

  beforeEach(async () => {
    ;({dir, cleanup} = makeTempDir('outloop-migrate-templates-'))
    root = join(dir, 'clients')
    home = join(dir, 'home')
    outputs.length = 0
    upstream = await startFakeUpstream()
    original = {
      'acme/.env': `OPENAI_API_KEY=${acmeOpenai}\nANTHROPIC_API_KEY=${acmeAnthropic}\n`,
      'globex/.env': `OPENAI_API_KEY=${globexOpenai}\n`,
      '_templates/agent/.env': `# copy into a new client folder\nOPENAI_API_KEY=${templateOpenai}\n`,
      '_templates/agent/settings.yaml': `model: claude\nclaude_key: "${acmeAnthropic}"\n`,
      // A hidden shared area (a skill library): the same value as the template's, so the same placeholder.
      '.skills/report/SKILL.md': `# Report\n\n\`\`\`sh\nexport OPENAI_API_KEY=${templateOpenai}\n\`\`\`\n`,
    }
    writeTree(root, original)
  })
  afterEach(async () => {
    await upstream.close()
    expectNoSecrets(outputs, [...secrets, env.OUTLOOP_PASSPHRASE])
    cleanup()
  })

  it('points templates at the calling client, vaults their values, and a copied template works for a new client; rollback is byte-identical', async () => {
    const dry = await cli(['migrate', root, '--dry-run', '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    const plan = JSON.parse(dry.stdout) as PlanDoc
    expect(plan.skipped).toEqual([])
    expect(plan.tenants).toEqual(['acme', 'globex'])
    const edits = (file: string) => plan.files.find((f) => f.file === file)?.edits.map((e) => [e.placeholder, e.stored, e.foreign])
    // The template's own key is named as for a client; acme's key keeps the name acme's entry has.
    expect(edits('_templates/agent/.env')).toEqual([['outloop://@client/openai-api-key', 'outloop://outloop.templates/openai-api-key', false]])
    expect(edits('.skills/report/SKILL.md')).toEqual([['outloop://@client/openai-api-key', 'outloop://outloop.templates/openai-api-key', false]])
    expect(edits('_templates/agent/settings.yaml')).toEqual([['outloop://@client/anthropic-api-key', 'outloop://outloop.templates/anthropic-api-key', false]])
    expect(plan.files.find((f) => f.file === '_templates/agent/.env')?.tenant).toBeNull()
    expect(plan.entries.map((e) => [e.ref, e.sharedWith, e.sharedAcrossClients])).toEqual([
      ['outloop://acme/anthropic-api-key', [], false],
      ['outloop://acme/openai-api-key', [], false],
      ['outloop://globex/openai-api-key', [], false],
      ['outloop://outloop.templates/anthropic-api-key', ['acme'], false],
      ['outloop://outloop.templates/openai-api-key', [], false],
    ])
    const text = await cli(['migrate', root, '--dry-run'])
    expect(text.stdout).toContain('Clients set up from .skills/report/SKILL.md, _templates/agent/.env need their own openai-api-key entry: outloop vault set <client>/openai-api-key')
    expect(text.stdout).toContain('Clients set up from _templates/agent/settings.yaml need their own anthropic-api-key entry (acme has one): outloop vault set <client>/anthropic-api-key')

    const migrated = await cli(['migrate', root, '--yes'])
    expect(migrated.code, migrated.stderr).toBe(0)
    expect(migrated.stdout).toContain('Shared areas now say outloop://@client/openai-api-key: each client set up from .skills/report/SKILL.md, _templates/agent/.env needs its own entry (outloop vault set <client>/openai-api-key).')
    // Nothing planted is left in clear anywhere, in any common encoding, and every file still parses.
    expect(findClearValues(root, secrets)).toEqual([])
    for (const {path} of filesUnder(root)) expect(extractValues(relative(root, path), readFileSync(path, 'utf8')).error, path).toBeUndefined()
    expect(readFileSync(join(root, '_templates/agent/.env'), 'utf8')).toBe('# copy into a new client folder\nOPENAI_API_KEY=outloop://@client/openai-api-key\n')
    expect(readFileSync(join(root, '_templates/agent/settings.yaml'), 'utf8')).toBe('model: claude\nclaude_key: "outloop://@client/anthropic-api-key"\n')
    // The template's value is in the vault, outside every client, and hidden from the listing.
    const {store} = openSecretStore({home, env: {...process.env, ...env}})
    expect((await store.get({tenant: 'outloop.templates', name: 'openai-api-key'}))?.value.reveal() === templateOpenai).toBe(true)
    expect((await store.get({tenant: 'outloop.templates', name: 'anthropic-api-key'}))?.value.reveal() === acmeAnthropic).toBe(true)
    const listed = JSON.parse((await cli(['vault', 'list', '--json'])).stdout) as {entries: {ref: string}[]}
    expect(listed.entries.map((e) => e.ref)).toEqual(['outloop://acme/anthropic-api-key', 'outloop://acme/openai-api-key', 'outloop://globex/openai-api-key'])
    // A second run has nothing to do: the templates hold placeholders now.
    expect((JSON.parse((await cli(['migrate', root, '--dry-run', '--json'])).stdout) as PlanDoc).files).toEqual([])

    // A new client set up from the template: connected, with its own entry and a grant, its agent gets its own key.
    const initech = join(root, 'initech')
    cpSync(join(root, '_templates', 'agent'), initech, {recursive: true})
    expect((await cli(['connect', initech, '--tenant', 'initech'])).code).toBe(0)
    const set = await runCliWithInput(['vault', 'set', 'initech/openai-api-key', '--provider', 'OpenAI'], {home, env, input: initechOpenai})
    outputs.push(set.stdout, set.stderr)
    expect(set.code, set.stderr).toBe(0)
    writeFileSync(
      join(home, 'policy.yaml'),
      `services:\n  openai:\n    upstream: ${upstream.url}\n  anthropic:\n    upstream: ${upstream.url}\nclients:\n  initech:\n    - {secret: openai-api-key, service: openai}\n  acme:\n    - {secret: anthropic-api-key, service: anthropic}\n`,
    )
    const agent = `const key = require('node:fs').readFileSync('.env', 'utf8').match(/^OPENAI_API_KEY=(.*)$/m)[1]; fetch(process.env.OPENAI_BASE_URL + '/chat/completions', {method: 'POST', headers: {authorization: 'Bearer ' + key}, body: '{}'}).then((r) => console.log(r.status))`
    const run = await runCli(['run', '--workspace', initech, '--', process.execPath, '-e', agent], {home, env, cwd: initech})
    outputs.push(run.stdout, run.stderr)
    expect(run.stdout.trim(), run.stderr).toBe('200')
    expect(upstream.seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${initechOpenai}`])

    // The template's copy of acme's key points at the name acme's entry has: in acme's folder it is acme's key.
    cpSync(join(root, '_templates', 'agent', 'settings.yaml'), join(root, 'acme', 'agent-settings.yaml'))
    expect((await cli(['connect', join(root, 'acme'), '--tenant', 'acme'])).code).toBe(0)
    const claude = `const ref = require('node:fs').readFileSync('agent-settings.yaml', 'utf8').match(/claude_key: "(.*)"/)[1]; fetch(process.env.ANTHROPIC_BASE_URL + '/v1/messages', {method: 'POST', headers: {'x-api-key': ref}, body: '{}'}).then((r) => console.log(r.status))`
    const acmeRun = await runCli(['run', '--workspace', join(root, 'acme'), '--', process.execPath, '-e', claude], {home, env, cwd: join(root, 'acme')})
    outputs.push(acmeRun.stdout, acmeRun.stderr)
    expect(acmeRun.stdout.trim(), acmeRun.stderr).toBe('200')
    expect(upstream.seen.map((r) => r.headers['x-api-key'])).toEqual([undefined, acmeAnthropic])

    // Rollback puts every original file back, byte for byte (the copied files are not the run's).
    const back = await cli(['rollback', '--yes'])
    expect(back.code, back.stderr).toBe(0)
    for (const [rel, content] of Object.entries(original)) expect(readFileSync(join(root, rel), 'utf8') === content, rel).toBe(true)
  }, 120_000)
})
