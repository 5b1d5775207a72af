import {randomBase64Url} from '../lib/random.js'

/** A decoded JWT: header and payload as parsed JSON objects. The signature is not checked. */
export interface DecodedJwt {
  readonly header: Record<string, unknown>
  readonly payload: Record<string, unknown>
}

function decodeJsonSegment(segment: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) return null
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** Decodes a compact JWS (`header.payload.signature`); null when either part is not base64url JSON. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const header = decodeJsonSegment(parts[0])
  if (!header) return null
  const payload = decodeJsonSegment(parts[1])
  if (!payload) return null
  return {header, payload}
}

/** A fresh HS256-shaped JWT with the given payload and a random signature. */
export function fakeJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({alg: 'HS256', typ: 'JWT'})}.${encode(payload)}.${randomBase64Url(32)}`
}
