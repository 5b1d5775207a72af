import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Browserbase: its key, from the provider's published format. */
export const BROWSERBASE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'browserbase-api-key',
    provider: 'Browserbase',
    description: 'A Browserbase API key (bb_live_): starts headless browser sessions billed to the project.',
    keywords: ['bb_live_'],
    body: 'bb_live_[A-Za-z0-9_-]{27}',
    entropy: 3,
    fake: () => `bb_live_${randomKey(BASE64URL, 27)}`,
    nonMatches: () => [`bb_live_${randomKey(BASE64URL, 10)}`],
  }),
]
