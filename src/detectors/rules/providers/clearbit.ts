import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Clearbit: its key, from the provider's published format. */
export const CLEARBIT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'clearbit-api-key',
    provider: 'Clearbit',
    description: 'A Clearbit (Breeze Intelligence) secret key: enriches people and companies on the account\'s quota.',
    words: 'clearbit',
    value: 'sk_[a-f0-9]{32}',
    entropy: 3,
    fake: () => `sk_${randomKey(HEX, 32)}`,
    exampleName: 'CLEARBIT_API_KEY',
  }),
]
