import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Zilliz Cloud: its key, from the provider's published format. */
export const ZILLIZ_CLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zilliz-cloud-api-key',
    provider: 'Zilliz Cloud',
    description: 'A Zilliz Cloud (managed Milvus) API key: reads and writes the cluster\'s vector collections.',
    words: 'zilliz|milvus',
    keywords: ['zilliz', 'milvus'],
    value: '[a-f0-9]{104}',
    entropy: 3,
    fake: () => randomKey(HEX, 104),
    secretNameOnly: true,
    exampleName: 'ZILLIZ_API_KEY',
  }),
]
