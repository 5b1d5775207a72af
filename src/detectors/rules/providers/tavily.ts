import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Tavily: its key, from the provider's published format. */
export const TAVILY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'tavily-api-key',
    provider: 'Tavily',
    description: 'A Tavily API key (tvly-): runs web searches billed to the account.',
    keywords: ['tvly-'],
    body: 'tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => `tvly-dev-${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`tvly-${randomKey(ALNUM, 16)}`],
  }),
]
