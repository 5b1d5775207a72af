import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Shippo: its key, from the provider's published format. */
export const SHIPPO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'shippo-api-token',
    provider: 'Shippo',
    description: 'A Shippo API token: buys shipping labels billed to the account.',
    keywords: ['shippo_live_', 'shippo_test_'],
    body: 'shippo_(?:live|test)_[a-fA-F0-9]{40}',
    entropy: 3,
    fake: () => `shippo_live_${randomKey(HEX, 40)}`,
    nonMatches: () => [`shippo_live_${randomKey(HEX, 20)}`],
  }),
]
