import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Jina AI: its key, from the provider's published format. */
export const JINA_AI_RULES: readonly Rule[] = [
  tokenRule({
    id: 'jina-ai-api-key',
    provider: 'Jina AI',
    description: 'A Jina AI API key (jina_): calls the reader, embedding and rerank APIs on the account\'s tokens.',
    keywords: ['jina_'],
    body: 'jina_[A-Za-z0-9_-]{60}',
    entropy: 3,
    fake: () => `jina_${randomKey(ALNUM, 60)}`,
    nonMatches: () => [`jina_${randomKey(ALNUM, 30)}`],
  }),
]
