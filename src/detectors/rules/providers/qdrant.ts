import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Qdrant: its key, from the provider's published format. */
export const QDRANT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'qdrant-api-key',
    provider: 'Qdrant',
    description: 'A Qdrant Cloud API key: reads and writes the cluster\'s vector collections.',
    words: 'qdrant',
    value: '[A-Za-z0-9_-]{32,}(?:\\|[A-Za-z0-9_-]{20,})?',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 48),
    secretNameOnly: true,
    exampleName: 'QDRANT_API_KEY',
  }),
]
