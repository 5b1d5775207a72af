import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Infisical: its key, from the provider's published format. */
export const INFISICAL_RULES: readonly Rule[] = [
  tokenRule({
    id: 'infisical-service-token',
    provider: 'Infisical',
    description: 'An Infisical service token (st.): reads the project\'s secrets in its environment.',
    keywords: ['st.'],
    body: 'st\\.[a-f0-9]{24}\\.[a-f0-9]{32}\\.[a-f0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => `st.${randomKey(HEX, 24)}.${randomKey(HEX, 32)}.${randomKey(HEX, 32)}`,
    nonMatches: () => [`st.${randomKey(HEX, 24)}.${randomKey(HEX, 32)}`],
  }),
]
