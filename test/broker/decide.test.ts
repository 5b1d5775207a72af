import {describe, expect, it} from 'vitest'

import {connectAction, decideRequest, servicesForHost, type RequestFacts} from '../../src/broker/decide.js'
import {swapBodyPlaceholders} from '../../src/broker/attach.js'
import {checkPolicyText, parsePolicyText} from '../../src/policy/parse.js'

const policy = parsePolicyText(
  [
    'services:',
    '  crm:',
    '    upstream: https://api.crm.test/base',
    '    header: "Authorization: Bearer {secret}"',
    '    hosts: [api.crm.test, "*.crm-eu.test"]',
    'clients:',
    '  acme:',
    '    - {secret: crm-key, service: crm, methods: [GET], paths: ["/v1/**"]}',
    '  globex:',
    '    egress: deny',
    '    grants:',
    '      - {secret: openai-api-key, service: openai}',
    '',
  ].join('\n'),
  '/etc/outloop/policy.yaml',
)
const limits = {maxRequestBytes: 1000}
const facts = (over: Partial<RequestFacts>): RequestFacts => ({tenant: 'acme', method: 'GET', path: '/crm/v1/x', query: '', rawHeaders: ['authorization', 'Bearer outloop://acme/crm-key'], length: 0, door: {kind: 'reverse'}, ...over})

describe('decideRequest: one decision for every door', () => {
  it('reads the service from the path through the reverse proxy, and from the host through the proxy', () => {
    const reverse = decideRequest(policy, facts({}), limits)
    expect(reverse).toMatchObject({allowed: true, secret: 'crm-key', upstreamPath: '/base/v1/x', fields: {service: 'crm', path: '/v1/x', host: 'api.crm.test'}})
    // Through the proxy the path is the upstream's own; grants are read below the base path.
    const proxied = decideRequest(policy, facts({path: '/base/v1/x', door: {kind: 'proxy', host: 'api.crm.test'}}), limits)
    expect(proxied).toMatchObject({allowed: true, upstreamPath: '/base/v1/x', fields: {path: '/v1/x'}})
    expect(decideRequest(policy, facts({path: '/v1/x', door: {kind: 'proxy', host: 'eu1.crm-eu.test'}}), limits)).toMatchObject({allowed: true, upstreamPath: '/v1/x'})
  })

  it('refuses the same things at both doors, the most specific reason first', () => {
    for (const door of [{kind: 'reverse' as const}, {kind: 'proxy' as const, host: 'api.crm.test'}]) {
      const at = (path: string) => (door.kind === 'reverse' ? `/crm${path}` : path)
      expect(decideRequest(policy, facts({door, path: at('/v1/x'), rawHeaders: ['x-key', 'outloop://globex/crm-key']}), limits)).toMatchObject({allowed: false, status: 403, reason: 'tenant-mismatch'})
      // Inside Basic credentials, as git and curl -u send them.
      const basic = `Basic ${Buffer.from('user:outloop://globex/crm-key').toString('base64')}`
      expect(decideRequest(policy, facts({door, path: at('/v1/x'), rawHeaders: ['authorization', basic]}), limits)).toMatchObject({reason: 'tenant-mismatch'})
      // In a form body, percent-encoded.
      expect(decideRequest(policy, facts({door, path: at('/v1/x'), rawHeaders: [], body: `token=${encodeURIComponent('outloop://globex/crm-key')}`}), limits)).toMatchObject({reason: 'tenant-mismatch'})
      expect(decideRequest(policy, facts({door, path: at('/admin')}), limits)).toMatchObject({status: 403, reason: 'path-not-allowed'})
      expect(decideRequest(policy, facts({door, path: at('/v1/x'), method: 'DELETE'}), limits)).toMatchObject({reason: 'method-not-allowed'})
      expect(decideRequest(policy, facts({door, path: at('/v1/%2e%2e/admin')}), limits)).toMatchObject({status: 400, reason: 'bad-path'})
      expect(decideRequest(policy, facts({door, path: at('/v1/x'), length: 1001}), limits)).toMatchObject({status: 413, reason: 'request-too-large'})
    }
    expect(decideRequest(policy, facts({tenant: 'globex', rawHeaders: [], path: '/base/v1/x', door: {kind: 'proxy', host: 'api.crm.test'}}), limits)).toMatchObject({allowed: false, reason: 'service-not-allowed'})
  })

  it('names the secret from a placeholder in the body when no header names one', () => {
    const named = decideRequest(policy, facts({rawHeaders: [], body: '{"key":"outloop:\\/\\/acme\\/other-key"}'}), limits)
    expect(named).toMatchObject({allowed: false, reason: 'secret-not-allowed', fields: {secret: 'other-key'}})
  })
})

describe('connectAction and the hosts of the policy', () => {
  it('intercepts granted hosts, refuses known but ungranted ones, tunnels or refuses the rest by egress', () => {
    expect(servicesForHost(policy, 'API.CRM.TEST').map((s) => s.name)).toEqual(['crm'])
    expect(servicesForHost(policy, 'crm-eu.test')).toEqual([])
    expect(servicesForHost(policy, 'api.openai.com').map((s) => s.name)).toEqual(['openai'])
    expect(connectAction(policy, 'acme', 'api.crm.test')).toEqual({kind: 'intercept'})
    expect(connectAction(policy, 'acme', 'api.openai.com')).toEqual({kind: 'refuse', status: 403, reason: 'service-not-allowed'})
    expect(connectAction(policy, 'acme', 'example.org')).toEqual({kind: 'tunnel'})
    expect(connectAction(policy, 'globex', 'example.org')).toEqual({kind: 'refuse', status: 403, reason: 'egress-denied'})
    expect(connectAction(policy, 'globex', 'api.openai.com')).toEqual({kind: 'intercept'})
  })

  it('checks hosts, ca and egress in the policy file, with a position for each problem', () => {
    const {problems} = checkPolicyText('egress: maybe\nservices:\n  x:\n    upstream: https://x.test\n    header: "A: {secret}"\n    hosts: ["https://x.test/"]\nclients:\n  acme:\n    egress: sometimes\n    grants: []\n', 'p.yaml')
    expect(problems.map((p) => `${p.line}:${p.message.slice(0, 21)}`)).toEqual(['1:expected "allow" (tun', '6:expected a host name ', '9:expected "allow" (tun'])
    expect(policy.services.get('crm')?.ca).toBeUndefined()
    const withCa = parsePolicyText('services:\n  x:\n    upstream: https://x.test\n    header: "A: {secret}"\n    ca: certs/x.pem\n', '/etc/outloop/policy.yaml')
    expect(withCa.services.get('x')?.ca).toBe('/etc/outloop/certs/x.pem')
  })
})

describe('swapBodyPlaceholders', () => {
  const key = 'k-' + 'Zq9'.repeat(6) + '&"/'
  it('swaps only the named secret, encoded for where it stands, and keeps the other bytes', () => {
    const form = swapBodyPlaceholders(Buffer.from(`a=1&token=${encodeURIComponent('outloop://acme/crm-key')}&b=outloop://acme/other`), 'form', 'acme', 'crm-key', key).toString()
    expect(form).toBe(`a=1&token=${encodeURIComponent(key)}&b=outloop://acme/other`)
    const json = swapBodyPlaceholders(Buffer.from('{ "k" : "outloop://@client/crm-key", "n": "outloop://acme/crm-keys"}'), 'json', 'acme', 'crm-key', key).toString()
    expect(JSON.parse(json)).toEqual({k: key, n: 'outloop://acme/crm-keys'})
    expect(json.startsWith('{ "k" : ')).toBe(true)
    const untouched = Buffer.from('{"k":"outloop://globex/crm-key"}')
    expect(swapBodyPlaceholders(untouched, 'json', 'acme', 'crm-key', key)).toBe(untouched)
  })
})
