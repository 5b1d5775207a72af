import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Brave Search: its key, from the provider's published format. */
export const BRAVE_SEARCH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'brave-search-api-key',
    provider: 'Brave Search',
    description: 'A Brave Search API key: runs web searches billed to the subscription.',
    words: 'brave(?:[_.-]?search)?',
    keywords: ['brave'],
    value: 'BSA[A-Za-z0-9_-]{28}',
    entropy: 3,
    fake: () => `BSA${randomKey(BASE64URL, 28)}`,
    exampleName: 'BRAVE_API_KEY',
  }),
]
