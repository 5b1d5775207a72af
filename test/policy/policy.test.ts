import {describe, expect, it} from 'vitest'

import {ALNUM, randomString} from '../../src/lib/random.js'
import {checkPolicyText, evaluatePolicy, matchPathGlob, parsePolicyText, PolicyError} from '../../src/policy/index.js'

const POLICY = `
services:
  openai:
    upstream: http://127.0.0.1:9/base
  maps:
    upstream: https://maps.example.test
    query: key
  internal:
    upstream: https://internal.example.test
    header: "X-Token: Token {secret}"
clients:
  acme:
    - secret: openai-api-key
      service: openai
      methods: [POST]
      paths: ["/v1/chat/completions", "/v1/models/**"]
    - secret: maps-key
      service: maps
  globex:
    - secret: anthropic-key
      service: anthropic
      methods: ["*"]
      paths: ["/v1/*"]
`

describe('policy', () => {
  const policy = parsePolicyText(POLICY, 'policy.yaml')

  it('merges overrides into presets and reads custom services', () => {
    expect(policy.services.get('openai')).toMatchObject({upstream: 'http://127.0.0.1:9/base', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['OPENAI_BASE_URL']})
    expect(policy.services.get('maps')?.auth).toEqual({kind: 'query', param: 'key'})
    expect(policy.services.get('internal')?.auth).toEqual({kind: 'header', header: 'x-token', template: 'Token {secret}'})
    expect(policy.services.get('stripe')?.upstream).toBe('https://api.stripe.com')
  })

  it('allows only what a grant names, denying by default with the most specific reason', () => {
    const ask = (q: Partial<Parameters<typeof evaluatePolicy>[1]>) => evaluatePolicy(policy, {tenant: 'acme', service: 'openai', method: 'POST', path: '/v1/chat/completions', ...q})
    expect(ask({})).toMatchObject({allowed: true, secret: 'openai-api-key'})
    expect(ask({secret: 'openai-api-key'})).toMatchObject({allowed: true})
    expect(ask({secret: 'other'})).toEqual({allowed: false, reason: 'secret-not-allowed'})
    expect(ask({method: 'DELETE'})).toEqual({allowed: false, reason: 'method-not-allowed'})
    expect(ask({path: '/v1/files'})).toEqual({allowed: false, reason: 'path-not-allowed'})
    expect(ask({path: '/v1/models/gpt/x'})).toMatchObject({allowed: true})
    expect(ask({service: 'stripe'})).toEqual({allowed: false, reason: 'service-not-allowed'})
    expect(ask({service: 'nope'})).toEqual({allowed: false, reason: 'unknown-service'})
    expect(ask({tenant: 'initech'})).toEqual({allowed: false, reason: 'no-client-policy'})
    expect(ask({service: 'maps', method: 'GET', path: '/any/thing'})).toMatchObject({allowed: true, secret: 'maps-key'})
    expect(evaluatePolicy(policy, {tenant: 'globex', service: 'openai', method: 'POST', path: '/v1/chat/completions'})).toEqual({allowed: false, reason: 'service-not-allowed'})
  })

  it('reads approval rules and budgets, and points at each bad one', () => {
    const read = parsePolicyText(
      'clients:\n  acme:\n    - {secret: k, service: stripe, approve: writes, approveWithin: 90s, limit: 60/min}\n    - {secret: k, service: openai, approve: always, limit: [10/min, "500 / hour", 2000/day]}\n    - {secret: k, service: anthropic, approve: never}\n',
      'policy.yaml',
    )
    const [stripe, openai, anthropic] = read.clients.get('acme')!
    expect(stripe).toMatchObject({approve: 'writes', approveWithinMs: 90_000, limits: [{count: 60, windowMs: 60_000, unit: 'min'}]})
    expect(openai).toMatchObject({approve: 'always', limits: [{count: 10, unit: 'min'}, {count: 500, windowMs: 3_600_000, unit: 'hour'}, {count: 2000, windowMs: 86_400_000, unit: 'day'}]})
    expect(openai!.approveWithinMs).toBeUndefined()
    // never is the default, so it is not kept.
    expect(anthropic!.approve).toBeUndefined()
    const bad = checkPolicyText('clients:\n  acme:\n    - {secret: k, service: stripe, approve: sometimes}\n    - {secret: k, service: stripe, approveWithin: 2 weeks}\n    - {secret: k, service: stripe, limit: 60/fortnight}\n    - {secret: k, service: stripe, limit: 0/min}\n    - {secret: k, service: stripe, approveWithin: 25h}\n', 'p.yaml')
    expect(bad.policy).toBeNull()
    expect(bad.problems.map((p) => [p.line, p.message.split(' ')[0]])).toEqual([
      [3, 'expected'],
      [4, 'expected'],
      [5, 'expected'],
      [6, 'expected'],
      [7, 'expected'],
    ])
    expect(bad.problems[0]!.message).toContain('"writes"')
    expect(bad.problems[2]!.message).toContain('60/min')
    // The grant that allowed a request comes back with the decision: its approval rule and budgets apply next.
    expect(evaluatePolicy(read, {tenant: 'acme', service: 'stripe', method: 'POST', path: '/v1/charges'})).toMatchObject({allowed: true, grant: stripe})
  })

  it("refuses a grant to outloop's own namespaces, which hold migration backup keys and template values", () => {
    const {problems} = checkPolicyText('clients:\n  outloop.migrate:\n    - {secret: backup-x, service: openai}\n', 'policy.yaml')
    expect(problems).toEqual([expect.objectContaining({line: 2, column: 3, message: expect.stringContaining('outloop\'s own and never granted')})])
  })

  it('matches path globs by segment', () => {
    expect(matchPathGlob('/v1/*', '/v1/messages')).toBe(true)
    expect(matchPathGlob('/v1/*', '/v1/messages/x')).toBe(false)
    expect(matchPathGlob('/v1/**', '/v1')).toBe(true)
    expect(matchPathGlob('/v1/**', '/v1/a/b')).toBe(true)
    expect(matchPathGlob('/v1/**', '/v10')).toBe(false)
    expect(matchPathGlob('/a.b', '/aXb')).toBe(false)
  })

  it('reports invalid policies with file, line, column and what was expected, never the value', () => {
    const planted = 'sk-' + randomString(ALNUM, 40)
    const text = `services:\n  bad:\n    upstream: ${planted}\n    header: "Authorization Bearer"\nclients:\n  acme:\n    - secret: x\n      service: missing\n      methods: [FETCH]\n`
    const {policy: none, problems} = checkPolicyText(text, '/home/p/policy.yaml')
    expect(none).toBeNull()
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({line: 3, column: 15, message: expect.stringContaining('expected an upstream URL')}),
      expect.objectContaining({line: 4, column: 13, message: expect.stringContaining('expected a header template')}),
      expect.objectContaining({line: 8, column: 16, message: expect.stringContaining('expected a service defined')}),
      expect.objectContaining({line: 9, column: 17, message: expect.stringContaining('expected an HTTP method')}),
    ]))
    const error = (() => {
      try {
        parsePolicyText(text, '/home/p/policy.yaml')
      } catch (e) {
        return e as PolicyError
      }
    })()
    expect(error).toBeInstanceOf(PolicyError)
    expect(error!.message).toContain('/home/p/policy.yaml:3:15: expected')
    expect(error!.message).not.toContain(planted)
  })

  it('never quotes the source of a YAML syntax error', () => {
    const planted = 'ghp_' + randomString(ALNUM, 36)
    const {problems} = checkPolicyText(`clients:\n  acme: [${planted}\n`, 'p.yaml')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0].message).toMatch(/^not valid YAML/)
    expect(JSON.stringify(problems)).not.toContain(planted)
  })

  it('takes an empty file as a policy that denies everything', () => {
    const empty = parsePolicyText('', 'p.yaml')
    expect(evaluatePolicy(empty, {tenant: 'acme', service: 'openai', method: 'GET', path: '/v1/models'})).toEqual({allowed: false, reason: 'no-client-policy'})
  })
})
