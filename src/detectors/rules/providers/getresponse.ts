import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** GetResponse: its key, from the provider's published format. */
export const GETRESPONSE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'getresponse-api-key',
    provider: 'GetResponse',
    description: 'A GetResponse API key: reads and changes the account\'s contacts and newsletters.',
    words: 'get[_.-]?response',
    keywords: ['getresponse', 'get_response', 'get-response', 'get.response'],
    value: '[a-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 32),
    exampleName: 'GETRESPONSE_API_KEY',
  }),
]
