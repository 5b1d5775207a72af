import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Cartesia: its key, from the provider's published format. */
export const CARTESIA_RULES: readonly Rule[] = [
  tokenRule({
    id: 'cartesia-api-key',
    provider: 'Cartesia',
    description: 'A Cartesia API key (sk_car_): synthesises speech billed to the account.',
    keywords: ['sk_car_'],
    body: 'sk_car_[A-Za-z0-9]{20,40}',
    entropy: 3,
    fake: () => `sk_car_${randomKey(ALNUM, 24)}`,
    nonMatches: () => [`sk_car_${randomKey(ALNUM, 10)}`],
  }),
]
