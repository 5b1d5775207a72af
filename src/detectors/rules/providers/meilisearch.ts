import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Meilisearch: its key, from the provider's published format. */
export const MEILISEARCH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'meilisearch-api-key',
    provider: 'Meilisearch',
    description: 'A Meilisearch master or admin key: reads, changes and deletes every index of the instance.',
    words: 'meili(?:search)?',
    keywords: ['meili'],
    value: '[A-Za-z0-9_-]{32,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'MEILI_MASTER_KEY',
  }),
]
