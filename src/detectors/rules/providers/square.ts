import {BASE64URL, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Square: its keys, from the provider's published format. */
export const SQUARE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'square-access-token',
    provider: 'Square',
    description: 'A Square access token: takes payments and reads the seller\'s data.',
    keywords: ['sq0atp-', 'EAAA'],
    body: 'sq0atp-[A-Za-z0-9_-]{22}|EAAA[A-Za-z0-9_-]{60}',
    entropy: 3,
    severity: 'critical',
    fake: () => `EAAA${randomKey(BASE64URL, 60)}`,
    nonMatches: () => [`image@sha256:eaaa${randomKey(HEX, 60)}`, `sq0atp-${randomKey(BASE64URL, 10)}`],
  }),
  tokenRule({
    id: 'square-secret',
    provider: 'Square',
    description: 'A Square application secret: obtains OAuth tokens for sellers as the app.',
    keywords: ['sq0csp-'],
    body: 'sq0csp-[A-Za-z0-9_-]{43}',
    entropy: 3,
    severity: 'critical',
    fake: () => `sq0csp-${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`sq0csp-${randomKey(BASE64URL, 20)}`],
  }),
]
