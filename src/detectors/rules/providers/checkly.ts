import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Checkly: its key, from the provider's published format. */
export const CHECKLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'checkly-api-key',
    provider: 'Checkly',
    description: 'A Checkly API key: changes the account\'s monitoring checks and reads their results.',
    words: 'checkly',
    value: 'cu_[a-f0-9]{32}',
    entropy: 3,
    fake: () => `cu_${randomKey(HEX, 32)}`,
    exampleName: 'CHECKLY_API_KEY',
  }),
]
