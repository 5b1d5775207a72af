import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Azure AI Search: its key, from the provider's published format. */
export const AZURE_AI_SEARCH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'azure-ai-search-admin-key',
    provider: 'Azure AI Search',
    description: 'An Azure AI Search admin or query key: reads or changes every index of the search service.',
    words: 'azure[_.-]?(?:ai[_.-]?)?search|cognitive[_.-]?search',
    keywords: ['azure', 'cognitive'],
    value: '[A-Za-z0-9]{52}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 52),
    secretNameOnly: true,
    exampleName: 'AZURE_SEARCH_ADMIN_KEY',
  }),
]
