import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Beehiiv: its key, from the provider's published format. */
export const BEEHIIV_RULES: readonly Rule[] = [
  keyedRule({
    id: 'beehiiv-api-key',
    provider: 'Beehiiv',
    description: 'A beehiiv API key: reads and changes the publication\'s subscribers and posts.',
    words: 'beehiiv',
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'BEEHIIV_API_KEY',
  }),
]
