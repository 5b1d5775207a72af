import {randomBytes} from 'node:crypto'
import {inspect} from 'node:util'
import {describe, expect, it} from 'vitest'

import {fingerprintSecret} from '../../src/lib/fingerprint.js'
import {SecretValue} from '../../src/lib/secret-value.js'
import {baseEntryName, buildMigrationPlan, type MigrationSourceFile} from '../../src/plan/migration-plan.js'
import {applyMigrationDecisions} from '../../src/plan/decisions.js'
import {migrationPlanToJson, renderMigrationPlanText} from '../../src/plan/render.js'
import {applyEdits} from '../../src/rewrite/index.js'
import {scanFileText} from '../../src/scan/file-scan.js'
import {expectNoSecrets} from '../helpers/tree.js'
import {detectableFake} from '../rewrite/plant.js'

const KEY = randomBytes(32)

function source(relPath: string, text: string): MigrationSourceFile {
  const tenant = relPath.startsWith('_') ? null : relPath.split('/')[0]
  return {relPath, tenant, text, findings: scanFileText(relPath, text).findings}
}

describe('migration plan', () => {
  const openai = detectableFake('openai-project-key')
  const stripe = detectableFake('stripe-secret-key')
  const other = detectableFake('openai-project-key')
  const files = [
    source('acme/.env', `OPENAI_API_KEY=${openai}\nSTRIPE_SECRET_KEY="${stripe}"\n`),
    source('acme/compose.yaml', `services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${openai}\n`),
    source('acme/tools/.env', `OPENAI_API_KEY=${other}\n`),
    source('globex/.env', `API_KEY=${openai}\n`),
    source('_templates/.env', `OPENAI_API_KEY=${other}\n`),
  ]

  it('names one entry per unique value per client from the variable and provider, with -2 on collisions', () => {
    const plan = buildMigrationPlan({files, fingerprintKey: KEY})
    expect(plan.entries.map((e) => e.placeholder)).toEqual(['outloop://acme/openai-api-key', 'outloop://acme/openai-api-key-2', 'outloop://acme/stripe-secret-key', 'outloop://globex/openai-api-key', 'outloop://outloop.templates/openai-api-key-2'])
    const first = plan.entries[0]
    expect(first.files).toEqual(['acme/.env', 'acme/compose.yaml'])
    expect(first.occurrences).toBe(2)
    expect(plan.files.map((f) => f.relPath)).toEqual(['acme/.env', 'acme/compose.yaml', 'acme/tools/.env', 'globex/.env', '_templates/.env'])
    expect(plan.tenants).toEqual(['acme', 'globex'])
    expect(plan.skipped).toEqual([])
  })

  it('flags a key shared across clients on each client entry, never merging them', () => {
    const plan = buildMigrationPlan({files, fingerprintKey: KEY})
    const shared = plan.entries.filter((e) => e.sharedWith.length > 0).map((e) => `${e.placeholder} ${e.sharedWith.join(',')}`)
    // The template holding acme's second key is not a second client using it: acme's entry says nothing of it.
    expect(shared).toEqual(['outloop://acme/openai-api-key globex', 'outloop://globex/openai-api-key acme', 'outloop://outloop.templates/openai-api-key-2 acme'])
    expect(renderMigrationPlanText(plan)).toContain('shared across clients (globex): rotate')
  })

  it('is stable: the same tree gives the same names in any input order, and the vault keeps names its values hold', () => {
    const a = buildMigrationPlan({files, fingerprintKey: KEY})
    const b = buildMigrationPlan({files: [...files].reverse(), fingerprintKey: KEY})
    expect(b.entries.map((e) => e.placeholder)).toEqual(a.entries.map((e) => e.placeholder))
    // The vault already holds `other` as acme/openai-api-key, and another value under stripe-secret-key.
    const existing = [
      {tenant: 'acme', name: 'openai-api-key', fingerprint: fingerprintSecret(KEY, new SecretValue(other))},
      {tenant: 'acme', name: 'stripe-secret-key', fingerprint: 'f'.repeat(32)},
    ]
    const c = buildMigrationPlan({files, fingerprintKey: KEY, existing})
    const byFile = (p: string) => c.files.find((f) => f.relPath === p)?.edits.map((e) => e.placeholder)
    expect(byFile('acme/tools/.env')).toEqual(['outloop://acme/openai-api-key'])
    expect(byFile('acme/.env')).toEqual(['outloop://acme/openai-api-key-2', 'outloop://acme/stripe-secret-key-2'])
    expect(c.entries.find((e) => e.placeholder === 'outloop://acme/openai-api-key')?.existing).toBe(true)
  })

  it('limits the plan to --tenant clients while still seeing keys shared with the others', () => {
    const plan = buildMigrationPlan({files, fingerprintKey: KEY, tenants: ['globex']})
    expect(plan.tenants).toEqual(['globex'])
    expect(plan.files.map((f) => f.relPath)).toEqual(['globex/.env'])
    expect(plan.entries.map((e) => [e.placeholder, e.sharedWith])).toEqual([['outloop://globex/openai-api-key', ['acme']]])
    expect(plan.skipped).toEqual([])
  })

  it('shows edits with previews and reasons, as text and JSON, and never a value', () => {
    const plan = buildMigrationPlan({files, fingerprintKey: KEY})
    const text = renderMigrationPlanText(plan)
    const json = JSON.stringify(migrationPlanToJson(plan))
    expect(text).toContain('acme/.env (dotenv)')
    expect(text).toMatch(/1:16 {2}sk-proj-…\S{4} → outloop:\/\/acme\/openai-api-key {2}\(placeholder: /)
    const doc = JSON.parse(json) as {schema: string; files: {edits: {strategy: string; reason: string}[]}[]; stats: {entries: number}}
    expect(doc.schema).toBe('outloop.migrate-plan/v1')
    expect(doc.stats.entries).toBe(5)
    expect(doc.files[0].edits[1].strategy).toBe('placeholder-escaped')
    expectNoSecrets([text, json, inspect(plan, {depth: 10})], [openai, stripe, other])
  })

  describe("a key copied into a client it doesn't belong to", () => {
    const shop = detectableFake('openai-project-key')
    const mine = detectableFake('anthropic-api-key')
    const tree = [
      source('acme/.env', `OPENAI_API_KEY=${shop}\n`),
      source('globex/.env', `ANTHROPIC_API_KEY=${mine}\n`),
      source('globex/skills/report/run.env', `X_OPENAI_TOKEN=${shop}\nANTHROPIC_API_KEY=${mine}\n`),
      // Sorted before acme: the copy is planned first and still points at acme's entry.
      source('aaa-copy/notes/setup.env', `OPENAI_API_KEY=${shop}\n`),
    ]
    const owners = {[fingerprintSecret(KEY, new SecretValue(shop))]: 'acme'}

    it("points the copy at the owner's entry: nothing of acme's is vaulted for globex, and each edit says whose key it is", () => {
      const plan = buildMigrationPlan({files: tree, fingerprintKey: KEY, owners})
      expect(plan.entries.map((e) => [e.placeholder, e.guests, e.sharedWith])).toEqual([
        ['outloop://acme/openai-api-key', ['aaa-copy', 'globex'], []],
        ['outloop://globex/anthropic-api-key', [], []],
      ])
      const skill = plan.files.find((f) => f.relPath === 'globex/skills/report/run.env')!
      expect(skill.edits.map((e) => [e.placeholder, e.owner, e.foreign])).toEqual([
        ['outloop://acme/openai-api-key', 'acme', true],
        ['outloop://globex/anthropic-api-key', null, false],
      ])
      const after = applyEdits(tree[2].text, skill.edits, skill.relPath)
      expect(after).toBe('X_OPENAI_TOKEN=outloop://acme/openai-api-key\nANTHROPIC_API_KEY=outloop://globex/anthropic-api-key\n')
      const doc = migrationPlanToJson(plan) as {files: {file: string; edits: {owner: string | null; foreign: boolean}[]}[]; stats: {foreign: number}}
      expect(doc.files.find((f) => f.file === 'globex/skills/report/run.env')!.edits.map((e) => [e.owner, e.foreign])).toEqual([
        ['acme', true],
        [null, false],
      ])
      expect(doc.stats.foreign).toBe(2)
      const text = renderMigrationPlanText(plan)
      expect(text).toContain("[acme's key: points at acme's entry, not vaulted for globex]")
      expectNoSecrets([text, JSON.stringify(doc)], [shop, mine])
    })

    it('without an owner it is vaulted per client, under one name for one value (from where it is at home)', () => {
      const plan = buildMigrationPlan({files: tree, fingerprintKey: KEY})
      // globex's copy says X_OPENAI_TOKEN, aaa-copy's note sorts first: the name still comes from acme/.env.
      expect(plan.entries.map((e) => e.placeholder)).toEqual(['outloop://aaa-copy/openai-api-key', 'outloop://acme/openai-api-key', 'outloop://globex/anthropic-api-key', 'outloop://globex/openai-api-key'])
    })

    it("--tenant globex still writes acme's entry the copy points at, and decisions drop edits by the file's client", () => {
      const plan = buildMigrationPlan({files: tree, fingerprintKey: KEY, owners, tenants: ['globex']})
      expect(plan.files.map((f) => f.relPath)).toEqual(['globex/.env', 'globex/skills/report/run.env'])
      expect(plan.entries.map((e) => e.placeholder)).toEqual(['outloop://acme/openai-api-key', 'outloop://globex/anthropic-api-key'])
      const full = buildMigrationPlan({files: tree, fingerprintKey: KEY, owners})
      // acme left out: globex's copy still points at acme's entry, and that entry is still written.
      const noAcme = applyMigrationDecisions(full, {tenants: ['globex']})
      expect(noAcme.files.map((f) => f.relPath)).toEqual(['globex/.env', 'globex/skills/report/run.env'])
      expect(noAcme.entries.map((e) => [e.placeholder, e.files, e.guests])).toEqual([
        ['outloop://acme/openai-api-key', ['globex/skills/report/run.env'], ['globex']],
        ['outloop://globex/anthropic-api-key', ['globex/.env', 'globex/skills/report/run.env'], []],
      ])
      // "Owner only" leaves the copies in clear and vaults the key for acme alone.
      const fp = full.entries[0].fingerprint
      const ownerOnly = applyMigrationDecisions(full, {choices: {[fp]: {choice: 'owner-only', owner: 'acme'}}})
      expect(ownerOnly.files.find((f) => f.relPath === 'globex/skills/report/run.env')!.edits.map((e) => e.placeholder)).toEqual(['outloop://globex/anthropic-api-key'])
      expect(ownerOnly.entries[0]).toMatchObject({placeholder: 'outloop://acme/openai-api-key', files: ['acme/.env'], guests: []})
    })
  })

  it('names from variable and provider', () => {
    expect(baseEntryName('OPENAI_API_KEY', 'openai-project-key', 'OpenAI')).toBe('openai-api-key')
    expect(baseEntryName('API_KEY', 'openai-project-key', 'OpenAI')).toBe('openai-api-key')
    expect(baseEntryName('token', 'github-pat', 'GitHub')).toBe('github-token')
    expect(baseEntryName(null, 'private-key', 'Private key')).toBe('private-key')
    expect(baseEntryName('__', 'slack-bot-token', 'Slack')).toBe('slack-bot-token')
    // A header name says how a key is sent, not what it is.
    expect(baseEntryName('Authorization', 'openrouter-api-key', 'OpenRouter')).toBe('openrouter-api-key')
    expect(baseEntryName('x-api-key', 'anthropic-api-key', 'Anthropic')).toBe('anthropic-api-key')
  })

  describe('a shared area (_templates/)', () => {
    const acmeKey = detectableFake('openai-project-key')
    const own = detectableFake('openai-project-key')
    const stripeKey = detectableFake('stripe-secret-key')
    const tree = [
      source('acme/.env', `STRIPE_SECRET_KEY=${stripeKey}\nOPENAI_API_KEY=${acmeKey}\n`),
      source('_templates/agent/.env', `OPENAI_API_KEY=${own}\nPAYMENTS_KEY=${stripeKey}\n`),
      source('_templates/agent/mcp.json', `{"env": {"OPENAI_API_KEY": "${own}"}}\n`),
    ]
    const fp = (value: string) => fingerprintSecret(KEY, new SecretValue(value))

    it("writes outloop://@client/<name>, reusing a client's entry name for its value, and stores each value once outside every client", () => {
      const plan = buildMigrationPlan({files: tree, fingerprintKey: KEY})
      const env = plan.files.find((f) => f.relPath === '_templates/agent/.env')!
      expect(env.tenant).toBeNull()
      expect(env.edits.map((e) => [e.placeholder, e.stored, e.owner, e.foreign])).toEqual([
        ['outloop://@client/openai-api-key', 'outloop://outloop.templates/openai-api-key', null, false],
        ['outloop://@client/stripe-secret-key', 'outloop://outloop.templates/stripe-secret-key', null, false],
      ])
      expect(applyEdits(tree[1].text, env.edits, env.relPath)).toBe('OPENAI_API_KEY=outloop://@client/openai-api-key\nPAYMENTS_KEY=outloop://@client/stripe-secret-key\n')
      const mcp = plan.files.find((f) => f.relPath === '_templates/agent/mcp.json')!
      expect(applyEdits(tree[2].text, mcp.edits, mcp.relPath)).toBe('{"env": {"OPENAI_API_KEY": "outloop://@client/openai-api-key"}}\n')
      const templates = plan.entries.filter((e) => e.ref.tenant === 'outloop.templates')
      expect(templates.map((e) => [e.placeholder, e.fingerprint === fp(e.value.reveal()), e.files, e.occurrences, e.sharedWith])).toEqual([
        ['outloop://outloop.templates/openai-api-key', true, ['_templates/agent/.env', '_templates/agent/mcp.json'], 2, []],
        ['outloop://outloop.templates/stripe-secret-key', true, ['_templates/agent/.env'], 1, ['acme']],
      ])
      expect(templates[0].value.reveal() === own && templates[1].value.reveal() === stripeKey).toBe(true)
      // acme's own entries are unchanged by the template holding one of its values.
      expect(plan.entries.filter((e) => e.ref.tenant === 'acme').map((e) => [e.placeholder, e.sharedWith])).toEqual([
        ['outloop://acme/openai-api-key', []],
        ['outloop://acme/stripe-secret-key', []],
      ])
      expect(plan.tenants).toEqual(['acme'])
      const text = renderMigrationPlanText(plan)
      expect(text).toContain('Clients set up from _templates/agent/.env, _templates/agent/mcp.json need their own openai-api-key entry: outloop vault set <client>/openai-api-key')
      expect(text).toContain('need their own stripe-secret-key entry (acme has one): outloop vault set <client>/stripe-secret-key')
      const doc = migrationPlanToJson(plan) as {stats: {shared: number; sharedAreas: number}}
      expect(doc.stats).toMatchObject({shared: 0, sharedAreas: 2})
      expectNoSecrets([text, JSON.stringify(doc), inspect(plan, {depth: 10})], [acmeKey, own, stripeKey])
    })

    it('keeps the names the vault holds on a second run, and leaves shared areas alone in a run limited by --tenant', () => {
      const existing = [{tenant: 'outloop.templates', name: 'openai-key', fingerprint: fp(own)}]
      const again = buildMigrationPlan({files: tree, fingerprintKey: KEY, existing})
      expect(again.files.find((f) => f.relPath === '_templates/agent/.env')!.edits.map((e) => e.placeholder)).toEqual(['outloop://@client/openai-key', 'outloop://@client/stripe-secret-key'])
      expect(again.entries.find((e) => e.placeholder === 'outloop://outloop.templates/openai-key')?.existing).toBe(true)
      const limited = buildMigrationPlan({files: tree, fingerprintKey: KEY, tenants: ['acme']})
      expect(limited.files.map((f) => f.relPath)).toEqual(['acme/.env'])
      expect(limited.entries.map((e) => e.ref.tenant)).toEqual(['acme', 'acme'])
    })

    it('decisions keep a shared area when clients are left out, drop it with its entry on skip, and refuse renaming its entry', () => {
      const plan = buildMigrationPlan({files: tree, fingerprintKey: KEY})
      const noClients = applyMigrationDecisions(plan, {tenants: []})
      expect(noClients.files.map((f) => f.relPath)).toEqual(['_templates/agent/.env', '_templates/agent/mcp.json'])
      expect(noClients.entries.map((e) => e.placeholder)).toEqual(['outloop://outloop.templates/openai-api-key', 'outloop://outloop.templates/stripe-secret-key'])
      expect(noClients.tenants).toEqual([])
      const skipped = applyMigrationDecisions(plan, {choices: {[fp(own)]: {choice: 'skip'}}})
      expect(skipped.files.map((f) => f.relPath)).toEqual(['acme/.env', '_templates/agent/.env'])
      expect(skipped.entries.map((e) => e.placeholder)).not.toContain('outloop://outloop.templates/openai-api-key')
      expect(() => applyMigrationDecisions(plan, {renames: {'outloop://outloop.templates/openai-api-key': 'other'}})).toThrow(/refer to it as outloop:\/\/@client\/openai-api-key/)
    })
  })
})
