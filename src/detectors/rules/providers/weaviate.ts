import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Weaviate: its key, from the provider's published format. */
export const WEAVIATE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'weaviate-api-key',
    provider: 'Weaviate',
    description: 'A Weaviate Cloud API key: reads and writes the cluster\'s vector collections.',
    words: 'weaviate',
    value: '[A-Za-z0-9]{32,48}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 40),
    secretNameOnly: true,
    exampleName: 'WEAVIATE_API_KEY',
  }),
]
