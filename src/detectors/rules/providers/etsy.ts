import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Etsy: its key, from the provider's published format. */
export const ETSY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'etsy-access-token',
    provider: 'Etsy',
    description: 'An Etsy API key or token: manages the shop\'s listings and orders.',
    words: 'etsy',
    value: '[A-Za-z0-9]{24}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 24),
    exampleName: 'ETSY_API_KEY',
  }),
]
