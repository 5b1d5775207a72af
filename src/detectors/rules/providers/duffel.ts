import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Duffel: its key, from the provider's published format. */
export const DUFFEL_RULES: readonly Rule[] = [
  tokenRule({
    id: 'duffel-api-token',
    provider: 'Duffel',
    description: 'A Duffel access token: books and pays for travel on the account.',
    keywords: ['duffel_test_', 'duffel_live_'],
    body: 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}',
    entropy: 3,
    fake: () => `duffel_live_${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`duffel_live_${randomKey(BASE64URL, 20)}`],
  }),
]
