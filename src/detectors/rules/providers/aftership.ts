import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** AfterShip: its key, from the provider's published format. */
export const AFTERSHIP_RULES: readonly Rule[] = [
  tokenRule({
    id: 'aftership-api-key',
    provider: 'AfterShip',
    description: 'An AfterShip API key (asat_): reads and changes the store\'s shipment tracking and customer notifications.',
    keywords: ['asat_'],
    body: 'asat_[a-f0-9]{32}',
    entropy: 3,
    fake: () => `asat_${randomKey(HEX, 32)}`,
    nonMatches: () => [`asat_${randomKey(HEX, 16)}`],
  }),
]
