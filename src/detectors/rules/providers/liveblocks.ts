import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Liveblocks: its key, from the provider's published format. */
export const LIVEBLOCKS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'liveblocks-secret-key',
    provider: 'Liveblocks',
    description: 'A Liveblocks secret key (sk_prod_/sk_dev_): reads and writes every room\'s shared state and comments.',
    keywords: ['sk_prod_', 'sk_dev_'],
    body: 'sk_(?:prod|dev)_[A-Za-z0-9_-]{40,}',
    entropy: 3,
    fake: () => `sk_prod_${randomKey(BASE64URL, 64)}`,
    nonMatches: () => [`sk_prod_${randomKey(BASE64URL, 20)}`],
  }),
]
