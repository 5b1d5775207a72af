import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Voyage AI: its key, from the provider's published format. */
export const VOYAGE_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'voyage-ai-api-key',
    provider: 'Voyage AI',
    description: 'A Voyage AI API key: creates embeddings and rerankings billed to the account.',
    words: 'voyage(?:[_.-]?ai)?',
    keywords: ['voyage'],
    value: 'pa-[A-Za-z0-9_-]{43}',
    entropy: 3,
    fake: () => `pa-${randomKey(BASE64URL, 43)}`,
    exampleName: 'VOYAGE_API_KEY',
    nearMisses: () => [`VOYAGE_API_KEY=pa-${randomKey(BASE64URL, 10)}`],
  }),
]
