import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Firecrawl: its key, from the provider's published format. */
export const FIRECRAWL_RULES: readonly Rule[] = [
  tokenRule({
    id: 'firecrawl-api-key',
    provider: 'Firecrawl',
    description: 'A Firecrawl API key (fc-): crawls and scrapes billed to the account.',
    keywords: ['fc-'],
    body: 'fc-[a-f0-9]{32}',
    entropy: 3,
    fake: () => `fc-${randomKey(HEX, 32)}`,
    nonMatches: () => [`fc-${randomKey(HEX, 31)}`, `fc-${randomKey(HEX, 33)}`],
  }),
]
