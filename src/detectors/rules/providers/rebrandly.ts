import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Rebrandly: its key, from the provider's published format. */
export const REBRANDLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'rebrandly-api-key',
    provider: 'Rebrandly',
    description: 'A Rebrandly API key: creates and changes the account\'s branded links.',
    words: 'rebrandly',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'REBRANDLY_API_KEY',
  }),
]
