import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** SerpApi: its key, from the provider's published format. */
export const SERPAPI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'serpapi-api-key',
    provider: 'SerpApi',
    description: 'A SerpApi key: runs search-engine queries billed to the account.',
    words: 'serp[_.-]?api',
    keywords: ['serpapi', 'serp_api', 'serp-api', 'serp.api'],
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'SERPAPI_API_KEY',
  }),
]
