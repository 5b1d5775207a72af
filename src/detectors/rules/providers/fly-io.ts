import {BASE64, BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Fly.io: its keys, from the provider's published format. */
export const FLY_IO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'flyio-access-token',
    provider: 'Fly.io',
    description: 'A Fly.io access token: deploys and reconfigures the organisation\'s apps.',
    keywords: ['fo1_'],
    body: 'fo1_[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => `fo1_${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`fo1_${randomKey(BASE64URL, 20)}`, `x-Fo1_${randomKey(BASE64URL, 43)}`],
  }),
  tokenRule({
    id: 'flyio-macaroon-token',
    provider: 'Fly.io',
    description: 'A Fly.io macaroon token (deploy, org or machine token): acts on the apps it is scoped to.',
    keywords: ['fm1a_', 'fm1r_', 'fm2_'],
    body: 'fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,}={0,3}',
    entropy: 4,
    fake: () => `fm2_${randomKey(BASE64, 160)}`,
    wrap: [(token) => `FLY_API_TOKEN="FlyV1 ${token}"`, (token) => `  "token": "${token}",`],
    nonMatches: () => [`fm2_${randomKey(BASE64, 40)}`],
  }),
]
