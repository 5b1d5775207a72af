import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Paddle: its key, from the provider's published format. */
export const PADDLE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'paddle-api-key',
    provider: 'Paddle',
    description: 'A Paddle Billing API key (pdl_live_/pdl_sdbx_): reads and changes the seller\'s customers, prices and subscriptions.',
    keywords: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'],
    body: 'pdl_(?:live|sdbx)_apikey_[A-Za-z0-9_]{40,80}',
    entropy: 3,
    severity: 'critical',
    fake: () => `pdl_live_apikey_${randomKey(LOWER_ALNUM, 26)}_${randomKey(ALNUM, 22)}_${randomKey(ALNUM, 3)}`,
    nonMatches: () => [`pdl_live_apikey_${randomKey(LOWER_ALNUM, 16)}`],
  }),
]
