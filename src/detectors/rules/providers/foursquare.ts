import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Foursquare: its key, from the provider's published format. */
export const FOURSQUARE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'foursquare-api-key',
    provider: 'Foursquare',
    description: 'A Foursquare Places API key (fsq3…): calls places search billed to the project.',
    keywords: ['fsq3'],
    body: 'fsq3[A-Za-z0-9+/]{44}=?',
    entropy: 3,
    severity: 'medium',
    fake: () => `fsq3${randomKey(BASE64, 44)}`,
    nonMatches: () => [`fsq3${randomKey(BASE64, 20)}`],
  }),
]
