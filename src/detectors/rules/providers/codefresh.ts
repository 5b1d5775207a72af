import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Codefresh: its key, from the provider's published format. */
export const CODEFRESH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'codefresh-api-key',
    provider: 'Codefresh',
    description: 'A Codefresh API key: runs pipelines and reads the account\'s secrets.',
    words: 'codefresh',
    value: '[a-f0-9]{24}\\.[a-f0-9]{32}',
    entropy: 3,
    fake: () => `${randomKey(HEX, 24)}.${randomKey(HEX, 32)}`,
    exampleName: 'CODEFRESH_API_KEY',
  }),
]
