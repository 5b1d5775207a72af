import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Wix: its key, from the provider's published format. */
export const WIX_RULES: readonly Rule[] = [
  tokenRule({
    id: 'wix-api-key',
    provider: 'Wix',
    description: 'A Wix API key (IST.): manages the account\'s sites, stores and bookings by its permissions.',
    keywords: ['IST.eyJ'],
    body: 'IST\\.eyJ[A-Za-z0-9_-]{30,}\\.[A-Za-z0-9_-]{30,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3,
    severity: 'critical',
    fake: () => `IST.eyJ${randomKey(BASE64URL, 40)}.${randomKey(BASE64URL, 300)}.${randomKey(BASE64URL, 86)}`,
    nonMatches: () => [`IST.eyJ${randomKey(BASE64URL, 20)}`],
  }),
]
