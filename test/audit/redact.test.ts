import {describe, expect, it} from 'vitest'

import {MAX_AUDIT_PATH, looksLikeSessionToken, redactAuditFields, redactAuditPath} from '../../src/audit/redact.js'
import {randomBase64Url} from '../../src/lib/random.js'

// Shaped like a session token (prefix, body, signature), made at test time.
const token = () => `ols_${randomBase64Url(60)}.${randomBase64Url(32)}`

describe('audit redaction', () => {
  it('replaces every token-shaped path segment, however it is cased or percent-encoded', () => {
    const t = token()
    const body = t.slice(4)
    const variants = [t, `OLS_${body}`, `Ols_${body}`, `%6Fls_${body}`, `%256Fls%255F${body}`, `%4F%4C%53%5f${body}`, `token=ols_${body}`, `Bearer%20ols_${body}`]
    for (const variant of variants) {
      const path = redactAuditPath(`/_T/${variant}/openai/v1/models`)
      expect(path, variant).toBe('/_T/[token]/openai/v1/models')
      expect(path).not.toContain(body.slice(0, 12))
    }
    expect(looksLikeSessionToken('tools_list')).toBe(false)
    expect(redactAuditPath('/openai/v1/tools_list/items')).toBe('/openai/v1/tools_list/items')
  })

  it('caps a path, after redacting, and redacts the service, secret, host and method that come from the request', () => {
    const long = redactAuditPath('/' + 'a'.repeat(40_000) + '/' + token())
    expect(long.length).toBe(MAX_AUDIT_PATH + 1)
    const t = token()
    const fields = redactAuditFields({time: 't', client: '_unauthenticated', workspace: null, service: t, secret: t.toLowerCase(), method: 'GET', host: `${t}:443`, path: `/${t}`, status: 401, decision: 'denied', reason: 'missing-token', durationMs: 0})
    expect(JSON.stringify(fields)).not.toContain(t.slice(4, 20))
    expect(JSON.stringify(fields).toLowerCase()).not.toContain(t.slice(4, 20).toLowerCase())
  })
})
