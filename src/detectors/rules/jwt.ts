import type {Rule} from '../types.js'
import {BASE64URL, randomString} from '../../lib/random.js'
import {decodeJwt, fakeJwt} from '../jwt.js'
import {boundedPattern, secretContexts, shapeContexts} from './build.js'

/** A compact JWS: base64url JSON header and payload (both start `eyJ`, i.e. `{"`), then a signature. */
export const JWT_BODY = 'eyJ[A-Za-z0-9_-]{8,}={0,2}\\.eyJ[A-Za-z0-9_-]{8,}={0,2}\\.[A-Za-z0-9_-]{16,}={0,2}'

/** Whether a JWT-shaped string decodes: header or payload must be a JSON object (one may be damaged in copy). */
function decodesAsJwt(token: string): boolean {
  if (decodeJwt(token)) return true
  const [header, payload] = token.split('.')
  const json = (segment: string): boolean => {
    try {
      const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
      return value !== null && typeof value === 'object'
    } catch {
      return false
    }
  }
  return json(header) || json(payload)
}

const sampleJwt = (): string =>
  fakeJwt({sub: randomString(BASE64URL, 12), scope: 'crm.read crm.write', iat: 1767225600, exp: 1798761600})

export const JWT_RULES: readonly Rule[] = [
  {
    id: 'jwt',
    provider: 'JSON Web Token',
    // A broad shape: any provider rule on the same span wins.
    priority: 1,
    description: 'A signed JSON Web Token: a bearer credential that works until it expires (often months for service tokens).',
    keywords: ['eyj'],
    pattern: boundedPattern(JWT_BODY),
    entropy: 3.5,
    verify: decodesAsJwt,
    severity: 'medium',
    fake: sampleJwt,
    examples: {
      matches: () => [...secretContexts('ACME_SERVICE_JWT', sampleJwt()), ...shapeContexts(sampleJwt()), `curl -H "Authorization: Bearer ${sampleJwt()}" https://api.acme.test/v1`],
      nonMatches: () => [
        `ACME_SERVICE_JWT=eyJ${randomString(BASE64URL, 20)}.eyJ${randomString(BASE64URL, 20)}.${randomString(BASE64URL, 30)}`,
        `ACME_SERVICE_JWT=${sampleJwt().split('.').slice(0, 2).join('.')}`,
        'ACME_SERVICE_JWT=eyJhbGciOi...',
      ],
    },
  },
]
