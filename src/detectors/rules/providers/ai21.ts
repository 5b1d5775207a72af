import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** AI21 Labs: its key, from the provider's published format. */
export const AI21_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ai21-api-key',
    provider: 'AI21 Labs',
    description: 'An AI21 Labs API key: runs Jamba model calls billed to the account.',
    words: 'ai21',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'AI21_API_KEY',
  }),
]
