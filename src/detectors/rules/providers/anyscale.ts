import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Anyscale: its key, from the provider's published format. */
export const ANYSCALE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'anyscale-api-key',
    provider: 'Anyscale',
    description: 'An Anyscale Endpoints key (esecret_): runs model calls billed to the account.',
    keywords: ['esecret_'],
    body: 'esecret_[a-z0-9]{26}',
    entropy: 3,
    fake: () => `esecret_${randomKey(LOWER_ALNUM, 26)}`,
    nonMatches: () => [`esecret_${randomKey(LOWER_ALNUM, 12)}`],
  }),
]
