import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Algolia: its key, from the provider's published format. */
export const ALGOLIA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'algolia-api-key',
    provider: 'Algolia',
    description: 'An Algolia API key: an admin key can rewrite or delete the search indices.',
    words: 'algolia',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'ALGOLIA_ADMIN_KEY',
  }),
]
