import {describe, expect, it} from 'vitest'

import {PROVIDER_SERVICES} from '../../src/detectors/rules/providers/services.js'
import {evaluatePolicy, parsePolicyText} from '../../src/policy/index.js'
import {starterPolicyText, starterServiceFor, type StarterPolicyEntry} from '../../src/policy/starter.js'

const ENTRIES: StarterPolicyEntry[] = [
  {tenant: 'globex', name: 'anthropic-api-key', provider: 'Anthropic', ruleId: 'anthropic-api-key'},
  {tenant: 'acme', name: 'openai-api-key', provider: 'OpenAI', ruleId: 'openai-api-key'},
  {tenant: 'acme', name: 'crm-key', provider: 'Generic', ruleId: 'generic-api-key'},
  {tenant: 'acme', name: 'slack-webhook-url', provider: 'Slack', ruleId: 'slack-webhook-url'},
  {tenant: 'acme', name: 'slack-bot-token', provider: 'Slack', ruleId: 'slack-bot-token'},
  {tenant: 'acme', name: 'mistral-api-key', provider: 'Mistral AI', ruleId: 'mistral-api-key'},
  {tenant: 'globex', name: 'google-gemini-api-key', provider: 'Google', ruleId: 'google-api-key'},
  {tenant: 'globex', name: 'google-maps-key', provider: 'Google', ruleId: 'google-api-key'},
  {tenant: 'globex', name: 'stripe-webhook-secret', provider: 'Stripe', ruleId: 'stripe-webhook-secret'},
  {tenant: 'initech', name: 'aws-secret-access-key', provider: 'AWS', ruleId: 'aws-secret-access-key'},
]

/** Every (secret, service) a client is granted, sorted. */
function grantsOf(text: string): Record<string, string[]> {
  const policy = parsePolicyText(text, 'policy.yaml')
  return Object.fromEntries([...policy.clients].map(([tenant, grants]) => [tenant, grants.map((g) => `${g.secret}@${g.service} ${g.methods.join(',')} ${g.paths.join(',')}`).sort()]))
}

describe('starter policy', () => {
  it('grants each client only its own entries, for its provider preset, any method and path', () => {
    const starter = starterPolicyText(ENTRIES)
    expect(grantsOf(starter.text)).toEqual({
      acme: ['mistral-api-key@mistral * /**', 'openai-api-key@openai * /**', 'slack-bot-token@slack * /**'],
      // An AIza… key is for Gemini when its name says so (GEMINI_API_KEY); for anything else it may be Maps.
      globex: ['anthropic-api-key@anthropic * /**', 'google-gemini-api-key@gemini * /**'],
      initech: [],
    })
    expect(starter.granted).toBe(5)
    expect(starter.ungranted).toEqual([
      {tenant: 'acme', name: 'crm-key'},
      {tenant: 'acme', name: 'slack-webhook-url'},
      {tenant: 'globex', name: 'google-maps-key'},
      {tenant: 'globex', name: 'stripe-webhook-secret'},
      {tenant: 'initech', name: 'aws-secret-access-key'},
    ])
  })

  it("never lets one client use another's entry", () => {
    const policy = parsePolicyText(starterPolicyText(ENTRIES).text, 'policy.yaml')
    const ask = (tenant: string, secret: string, service: string) => evaluatePolicy(policy, {tenant, service, method: 'POST', path: '/v1/chat/completions', secret})
    expect(ask('acme', 'openai-api-key', 'openai').allowed).toBe(true)
    expect(ask('globex', 'openai-api-key', 'openai').allowed).toBe(false)
    expect(ask('acme', 'anthropic-api-key', 'anthropic').allowed).toBe(false)
    expect(ask('initech', 'aws-secret-access-key', 'openai').allowed).toBe(false)
    // A grant is for its provider's service only.
    expect(ask('acme', 'openai-api-key', 'anthropic').allowed).toBe(false)
  })

  it('lists entries without a preset as comments under their client, so the operator sees what to finish', () => {
    const {text} = starterPolicyText(ENTRIES)
    expect(text).toContain('    # outloop://acme/crm-key: no built-in service; add one under services: and grant it here')
    expect(text).toContain('    # outloop://acme/slack-webhook-url: no built-in service')
    expect(text).toContain('    # outloop://globex/google-maps-key: no built-in service')
    expect(text).toContain('  initech: []\n    # outloop://initech/aws-secret-access-key: no built-in service')
    expect(text).toMatch(/^# outloop access policy/)
    expect(text).toContain('Anything not granted here is denied')
    expect(text).toContain('methods: [POST]')
  })

  it('is deterministic: clients, then entries, in order whatever the input order', () => {
    const a = starterPolicyText(ENTRIES).text
    const b = starterPolicyText([...ENTRIES].reverse()).text
    expect(b).toBe(a)
    expect(a.indexOf('  acme:')).toBeLessThan(a.indexOf('  globex:'))
    expect(a.indexOf('\n    - secret: mistral-api-key')).toBeLessThan(a.indexOf('\n    - secret: openai-api-key'))
  })

  it('maps every provider with a preset, and a Google key only when its rule names Gemini', () => {
    const cases: [string, string, string | null][] = [
      ['OpenAI', 'openai-project-key', 'openai'],
      ['Anthropic', 'anthropic-api-key', 'anthropic'],
      ['GitHub', 'github-fine-grained-pat', 'github'],
      ['Groq', 'groq-api-key', 'groq'],
      ['Mistral AI', 'mistral-api-key', 'mistral'],
      ['Notion', 'notion-api-key', 'notion'],
      ['OpenRouter', 'openrouter-api-key', 'openrouter'],
      ['Slack', 'slack-user-token', 'slack'],
      ['Slack', 'slack-webhook-url', null],
      ['Stripe', 'stripe-secret-key', 'stripe'],
      ['Google', 'google-api-key', null],
      ['Google', 'google-gemini-api-key', 'gemini'],
      ['Azure OpenAI', 'azure-openai-api-key', null],
      ['Generic', 'generic-api-key', null],
    ]
    for (const [provider, ruleId, service] of cases) expect(starterServiceFor({provider, ruleId}), `${provider} ${ruleId}`).toBe(service)
    expect(starterServiceFor({provider: null, ruleId: 'openai-api-key'})).toBeNull()
    // Read back from the vault, an entry has no rule: its name says what it is for.
    expect(starterServiceFor({provider: 'Google', ruleId: null, name: 'google-gemini-api-key'})).toBe('gemini')
    expect(starterServiceFor({provider: 'Google', ruleId: null, name: 'google-maps-key'})).toBeNull()
    expect(starterServiceFor({provider: 'Stripe', ruleId: null, name: 'stripe-webhook-secret'})).toBeNull()
  })

  it('finds each preset through the provider module that holds the key\'s rule', () => {
    expect(PROVIDER_SERVICES.length).toBeGreaterThan(5)
    for (const {rules, service} of PROVIDER_SERVICES) {
      for (const rule of rules) {
        if (/webhook|signing/.test(rule.id)) continue
        const expected = service.grants === undefined || service.grants(rule.id) ? service.preset.name : null
        expect(starterServiceFor({provider: rule.provider, ruleId: rule.id}), rule.id).toBe(expected)
      }
    }
  })

  it('quotes names YAML would read as numbers or null, and still parses', () => {
    const starter = starterPolicyText([
      {tenant: '1e5', name: 'null', provider: 'OpenAI', ruleId: 'openai-api-key'},
      {tenant: 'acme', name: '123', provider: 'Groq', ruleId: 'groq-api-key'},
    ])
    expect(grantsOf(starter.text)).toEqual({'1e5': ['null@openai * /**'], acme: ['123@groq * /**']})
  })

  it('leaves out names the policy could not hold, without breaking the file', () => {
    const starter = starterPolicyText([
      {tenant: 'Bad Client', name: 'openai-api-key', provider: 'OpenAI', ruleId: 'openai-api-key'},
      {tenant: 'acme', name: 'Bad\nName', provider: 'OpenAI', ruleId: 'openai-api-key'},
    ])
    expect(grantsOf(starter.text)).toEqual({acme: []})
    expect(starter.ungranted).toEqual([
      {tenant: 'Bad Client', name: 'openai-api-key'},
      {tenant: 'acme', name: 'Bad\nName'},
    ])
  })

  it('parses with no entries at all, granting nothing', () => {
    const starter = starterPolicyText([])
    expect(grantsOf(starter.text)).toEqual({})
    expect(starter).toMatchObject({granted: 0, ungranted: []})
  })

  it('counts a repeated entry once', () => {
    const entry = {tenant: 'acme', name: 'openai-api-key', provider: 'OpenAI', ruleId: 'openai-api-key'}
    const starter = starterPolicyText([entry, entry])
    expect(starter.granted).toBe(1)
    expect(grantsOf(starter.text)).toEqual({acme: ['openai-api-key@openai * /**']})
  })
})
