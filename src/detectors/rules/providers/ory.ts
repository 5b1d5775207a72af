import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Ory: its key, from the provider's published format. */
export const ORY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'ory-api-key',
    provider: 'Ory',
    description: 'An Ory Network API key (ory_pat_/ory_apikey_): manages the project\'s identities and sessions.',
    keywords: ['ory_pat_', 'ory_apikey_'],
    body: 'ory_(?:pat|apikey)_[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => `ory_pat_${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`ory_pat_${randomKey(ALNUM, 16)}`],
  }),
]
