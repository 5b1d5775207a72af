import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** MaxMind: its key, from the provider's published format. */
export const MAXMIND_RULES: readonly Rule[] = [
  tokenRule({
    id: 'maxmind-license-key',
    provider: 'MaxMind',
    description: 'A MaxMind license key: downloads GeoIP databases billed to the account.',
    keywords: ['_mmk'],
    body: '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk',
    entropy: 3.5,
    severity: 'medium',
    fake: () => `${randomKey(ALNUM, 6)}_${randomKey(ALNUM, 29)}_mmk`,
    nonMatches: () => [`${randomKey(ALNUM, 6)}_${randomKey(ALNUM, 12)}_mmk`],
  }),
]
