import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** DataForSEO: its key, from the provider's published format. */
export const DATAFORSEO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'dataforseo-api-password',
    provider: 'DataForSEO',
    description: 'A DataForSEO API password: runs SEO queries billed to the account.',
    words: 'data[_.-]?for[_.-]?seo',
    keywords: ['dataforseo', 'data_for_seo', 'data-for-seo'],
    value: '[a-f0-9]{16}',
    entropy: 3,
    fake: () => randomKey(HEX, 16),
    secretNameOnly: true,
    exampleName: 'DATAFORSEO_PASSWORD',
  }),
]
