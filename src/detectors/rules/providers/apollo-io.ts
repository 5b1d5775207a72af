import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Apollo.io: its key, from the provider's published format. */
export const APOLLO_IO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'apollo-io-api-key',
    provider: 'Apollo.io',
    description: 'An Apollo.io API key: searches and exports the sales database on the account\'s credits.',
    words: 'apollo[_.-]?io',
    keywords: ['apollo_io', 'apollo-io', 'apolloio', 'apollo.io'],
    value: '[A-Za-z0-9_-]{22}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 22),
    secretNameOnly: true,
    exampleName: 'APOLLO_IO_API_KEY',
  }),
]
