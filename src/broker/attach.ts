import type {OutgoingHttpHeaders} from 'node:http'

import type {ServiceDefinition} from '../policy/types.js'
import {findSecretRefs} from '../vault/ref.js'
import {holdsPlaceholder} from './decide.js'

/**
 * What goes upstream once a request is allowed: its headers without the hop-by-hop ones, route overrides
 * and placeholders, the credential attached the way the service takes it, and placeholders in a form or
 * JSON body swapped for the value. Pure: the broker's plumbing only sends what this returns.
 */

/** The header an agent may send its session token in (the path prefix /_t/<token>/ is the other way). */
export const SESSION_HEADER = 'x-outloop-session'

export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', SESSION_HEADER])
// Headers some upstreams and frameworks take as the real method, path or host: forwarded, they would
// sidestep the method and path grants (X-Forwarded-* too: a path prefix, a host, a scheme).
const ROUTE_OVERRIDING = new Set(['x-http-method-override', 'x-http-method', 'x-method-override', 'x-original-url', 'x-original-uri', 'x-original-method', 'x-original-host', 'x-rewrite-url', 'x-envoy-original-path', 'x-host', 'forwarded'])

/** Whether a request header tells an upstream to use another method, path or host than the one granted. */
export function overridesRoute(name: string): boolean {
  return ROUTE_OVERRIDING.has(name) || name.startsWith('x-forwarded-')
}

/** The headers to send upstream. `upgrade` keeps the WebSocket handshake's Connection/Upgrade pair. */
export function upstreamHeaders(rawHeaders: readonly string[], service: ServiceDefinition, secret: string, options: {host: string; bodyLength: number | null; upgrade?: string}): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {}
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase()
    const value = rawHeaders[i + 1]
    // A header that held a placeholder is replaced by the credential, never passed on with the reference.
    if (HOP_BY_HOP.has(name) || overridesRoute(name) || holdsPlaceholder(value)) continue
    if (service.auth.kind === 'header' && name === service.auth.header) continue
    const existing = headers[name]
    headers[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [String(existing), value]
  }
  headers.host = options.host
  if (options.bodyLength !== null) headers['content-length'] = String(options.bodyLength)
  if (options.upgrade) {
    headers.connection = 'Upgrade'
    headers.upgrade = options.upgrade
  }
  if (service.auth.kind === 'header') headers[service.auth.header] = service.auth.template.replace('{secret}', () => secret)
  return headers
}

/** The query to send upstream: as sent, with the credential set when the service takes it there. */
export function upstreamSearch(query: string, service: ServiceDefinition, secret: string): string {
  if (service.auth.kind !== 'query') return query
  const params = new URLSearchParams(query)
  params.set(service.auth.param, secret)
  return params.toString()
}

export type BodyKind = 'json' | 'form'

/** Bodies whose placeholders the broker reads and swaps (Slack's SDK posts `token=` in a form; some APIs take JSON). */
export function swappableBody(contentType: string | undefined): BodyKind | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') return 'form'
  if (type === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(type)) return 'json'
  return null
}

/**
 * Replaces each placeholder of `tenant`'s `name` (and `@client/name`) in a body with the value, encoded
 * for where it stands: a JSON string's escapes, a form field's percent-encoding. Other bytes stay as sent.
 * Returns the body unchanged when it names nothing to swap.
 */
export function swapBodyPlaceholders(body: Buffer, kind: BodyKind, tenant: string, name: string, secret: string): Buffer {
  const text = body.toString('utf8')
  if (!/outloop/i.test(text)) return body
  const swap = (value: string): string | null => {
    const refs = findSecretRefs(value, {client: tenant}).filter((found) => found.ref.tenant === tenant && found.ref.name === name)
    if (refs.length === 0) return null
    let out = value
    for (const found of [...refs].reverse()) out = out.slice(0, found.start) + secret + out.slice(found.end)
    return out
  }
  let changed = false
  let result: string
  if (kind === 'json') {
    // String literals only, each decoded and encoded again: a placeholder spelled with \/ or \u escapes is found too.
    result = text.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => {
      if (!/outloop/i.test(literal) && !literal.includes('\\u')) return literal
      let value: string
      try {
        value = JSON.parse(literal) as string
      } catch {
        return literal
      }
      const swapped = swap(value)
      if (swapped === null) return literal
      changed = true
      return JSON.stringify(swapped)
    })
  } else {
    result = text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=')
        if (eq < 0) return pair
        let value: string
        try {
          value = decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '))
        } catch {
          return pair
        }
        const swapped = swap(value)
        if (swapped === null) return pair
        changed = true
        return `${pair.slice(0, eq + 1)}${encodeURIComponent(swapped)}`
      })
      .join('&')
  }
  return changed ? Buffer.from(result, 'utf8') : body
}
