import {describe, expect, it} from 'vitest'

import type {AccountSighting} from '../../src/scan/accounts.js'
import {findAccountNames} from '../../src/scan/accounts.js'
import {analyzeFindings, isCopiedPlace} from '../../src/scan/analyze.js'
import type {Finding} from '../../src/scan/report.js'

function finding(file: string, fingerprint: string, line = 1): Finding {
  const top = file.split('/')[0]
  const shared = top.startsWith('_') || top.startsWith('.')
  return {
    rule: 'openai-project-key',
    provider: 'OpenAI',
    severity: 'critical',
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 20,
    tenant: shared ? null : top,
    area: shared ? top : null,
    name: 'OPENAI_API_KEY',
    fingerprint,
    preview: 'sk-proj-…abcd',
    format: 'dotenv',
    status: 'new',
    vaulted: null,
  }
}

describe('analyzeFindings', () => {
  it("keeps a copy of another client's vaulted key a risk once the owner's copies are migrated", () => {
    const skill = {...finding('globex/skills/shop/SKILL.md', 'f1'), vaulted: 'outloop://acme/openai-api-key'}
    const env = {...finding('initech/.env', 'f2'), vaulted: 'outloop://acme/other-key'}
    const own = {...finding('acme/notes/old.md', 'f3'), vaulted: 'outloop://acme/third-key'}
    const {risks, secrets} = analyzeFindings([skill, env, own], [])
    expect(risks.map((r) => [r.type, r.severity, r.tenant, r.owner, r.files])).toEqual([
      ['foreign-tenant', 'critical', 'globex', 'acme', ['globex/skills/shop/SKILL.md']],
      ['cross-client', 'high', null, null, ['initech/.env']],
    ])
    expect(secrets.find((s) => s.fingerprint === 'f1')?.vaulted).toBe('outloop://acme/openai-api-key')
  })

  it('groups findings of one value and counts duplicates within a client', () => {
    const {secrets, risks, tenants} = analyzeFindings([finding('acme/.env', 'f1'), finding('acme/docker-compose.yml', 'f1', 5), finding('acme/.env', 'f2', 2)], [])
    expect(secrets).toHaveLength(2)
    expect(secrets.find((s) => s.fingerprint === 'f1')).toMatchObject({tenants: ['acme'], crossClient: false, owner: 'acme', occurrences: [{file: 'acme/.env', line: 1}, {file: 'acme/docker-compose.yml', line: 5}]})
    expect(risks.map((r) => r.type)).toEqual(['duplicate'])
    expect(risks[0].message).toContain('copied twice in acme')
    expect(tenants).toEqual([{tenant: 'acme', keys: 3, unique: 2, duplicated: 1, crossClient: 0, foreign: 0}])
  })

  it('reports a key used at home by two clients as cross-client', () => {
    const {secrets, risks, tenants} = analyzeFindings([finding('acme/.env', 'f1'), finding('globex/.env', 'f1')], [])
    expect(secrets[0]).toMatchObject({tenants: ['acme', 'globex'], crossClient: true, owner: null})
    expect(risks.map((r) => r.type)).toEqual(['cross-client'])
    expect(tenants.map((t) => t.crossClient)).toEqual([1, 1])
  })

  it("reports a key copied into another client's skill as belonging to its owner", () => {
    const {secrets, risks, tenants} = analyzeFindings([finding('acme/.env', 'f1'), finding('globex/skills/shop/SKILL.md', 'f1', 9)], [])
    expect(secrets[0]).toMatchObject({owner: 'acme', crossClient: true})
    expect(risks[0]).toMatchObject({type: 'foreign-tenant', severity: 'critical', tenant: 'globex', owner: 'acme', files: ['globex/skills/shop/SKILL.md']})
    expect(risks.map((r) => r.type)).not.toContain('cross-client')
    expect(tenants.find((t) => t.tenant === 'globex')).toMatchObject({foreign: 1})
    expect(tenants.find((t) => t.tenant === 'acme')).toMatchObject({foreign: 0})
  })

  it("decides whose key a copied skill holds from the account the skill names, when no client uses it at home", () => {
    const sightings: AccountSighting[] = [
      {account: 'acme-store.myshopify.com', kind: 'Shopify store', file: 'acme/.env', line: 3, tenant: 'acme'},
      {account: 'acme-store.myshopify.com', kind: 'Shopify store', file: 'globex/skills/shop/SKILL.md', line: 4, tenant: 'globex'},
    ]
    const {secrets, risks} = analyzeFindings([finding('acme/skills/shop/SKILL.md', 'f1', 9), finding('globex/skills/shop/SKILL.md', 'f1', 9)], sightings)
    expect(secrets[0].owner).toBe('acme')
    expect(risks.map((r) => `${r.type} ${r.tenant} ${r.owner}`)).toEqual(['foreign-tenant globex acme', 'foreign-account globex acme'])
    const unknown = analyzeFindings([finding('acme/skills/shop/SKILL.md', 'f1', 9), finding('globex/skills/shop/SKILL.md', 'f1', 9)], [])
    expect(unknown.secrets[0].owner).toBeNull()
    expect(unknown.risks.map((r) => r.type)).toEqual(['cross-client'])
  })

  it("reports another client's placeholder in a client's file as a foreign-reference, as grave as the key itself", () => {
    const references = [
      {tenant: 'globex', file: 'globex/skills/shop/SKILL.md', line: 9, owner: 'acme', name: 'shopify-access-token'},
      {tenant: 'globex', file: 'globex/.env', line: 1, owner: 'globex', name: 'openai-api-key'},
    ]
    const {risks} = analyzeFindings([finding('acme/.env', 'f1'), finding('globex/.env', 'f2')], [], references)
    expect(risks[0]).toMatchObject({type: 'foreign-reference', severity: 'critical', tenant: 'globex', owner: 'acme', files: ['globex/skills/shop/SKILL.md']})
    expect(risks[0].message).toContain("globex's globex/skills/shop/SKILL.md:9 refers to acme's secret outloop://acme/shopify-access-token")
    // A client's own placeholders are no risk.
    expect(risks.filter((r) => r.type === 'foreign-reference')).toHaveLength(1)
  })

  it('leaves out placeholders naming no client of the tree (examples in docs and tests)', () => {
    const references = [{tenant: 'docs', file: 'docs/README.md', line: 3, owner: 'acme', name: 'openai-api-key'}]
    expect(analyzeFindings([], [], references).risks).toEqual([])
    // Once acme is a client here (its own placeholder in its files), the copy in globex is reported.
    const withAcme = [...references, {tenant: 'acme', file: 'acme/.env', line: 1, owner: 'acme', name: 'openai-api-key'}]
    expect(analyzeFindings([], [], withAcme).risks.map((r) => `${r.type} ${r.tenant} ${r.owner}`)).toEqual(['foreign-reference docs acme'])
  })

  it('reports a key in a shared area that a client also uses', () => {
    const {risks} = analyzeFindings([finding('_templates/.env.example', 'f1'), finding('acme/.env', 'f1')], [])
    expect(risks).toEqual([expect.objectContaining({type: 'shared-area', files: ['_templates/.env.example']})])
    expect(risks[0].message).toContain('_templates')
    expect(risks[0].message).toContain('acme')
  })

  it('sorts risks worst first', () => {
    const {risks} = analyzeFindings(
      [finding('acme/.env', 'dup'), finding('acme/notes/a.md', 'dup'), finding('acme/.env', 'f1', 2), finding('globex/skills/x/run.sh', 'f1'), finding('initech/.env', 'f3'), finding('hooli/.env', 'f3')],
      [],
    )
    expect(risks.map((r) => r.type)).toEqual(['foreign-tenant', 'cross-client', 'duplicate'])
  })

  it("reports a skill that names another client's account, with no key in it", () => {
    const sightings: AccountSighting[] = [
      {account: 'acme-store.myshopify.com', kind: 'Shopify store', file: 'acme/.env', line: 3, tenant: 'acme'},
      {account: 'acme-store.myshopify.com', kind: 'Shopify store', file: 'globex/skills/shop/SKILL.md', line: 7, tenant: 'globex'},
      {account: 'globex.myshopify.com', kind: 'Shopify store', file: 'globex/skills/shop/SKILL.md', line: 8, tenant: 'globex'},
      {account: 'initech-team.slack.com', kind: 'Slack workspace', file: 'hooli/skills/notify/SKILL.md', line: 2, tenant: 'hooli'},
      {account: 'initech-team.slack.com', kind: 'Slack workspace', file: 'initech/notes/setup.txt', line: 2, tenant: 'initech'},
    ]
    const {risks} = analyzeFindings([], sightings)
    expect(risks.map((r) => [r.type, r.tenant, r.owner, r.files[0]])).toEqual([
      ['foreign-account', 'globex', 'acme', 'globex/skills/shop/SKILL.md'],
      ['foreign-account', 'hooli', 'initech', 'hooli/skills/notify/SKILL.md'],
    ])
    expect(risks[0].message).toContain('acme-store.myshopify.com')
  })
})

describe('findAccountNames', () => {
  it('finds SaaS account hosts and skips generic ones', () => {
    const text = 'store: acme-store.myshopify.com\nslack: https://acme.slack.com/archives\nhooks: https://hooks.slack.com/x\nyour-store.myshopify.com\n'
    expect(findAccountNames(text).map((a) => a.account)).toEqual(['acme-store.myshopify.com', 'acme.slack.com'])
    expect(findAccountNames('nothing here')).toEqual([])
  })

  it('knows copied places', () => {
    expect(isCopiedPlace('globex/skills/shop/run.sh')).toBe(true)
    expect(isCopiedPlace('globex/.claude/skills/x/SKILL.md')).toBe(true)
    expect(isCopiedPlace('globex/notes/setup.md')).toBe(true)
    expect(isCopiedPlace('globex/.env')).toBe(false)
    expect(isCopiedPlace('globex/docker-compose.yml')).toBe(false)
  })
})
