import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** WooCommerce: its keys, from the provider's published format. */
export const WOOCOMMERCE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'woocommerce-consumer-secret',
    provider: 'WooCommerce',
    description: 'A WooCommerce REST consumer secret (cs_): with its key it reads and changes the store\'s orders and customers.',
    keywords: ['cs_'],
    body: 'cs_[a-f0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `cs_${randomKey(HEX, 40)}`,
    nonMatches: () => [`cs_${randomKey(HEX, 20)}`, `cs_${randomKey(HEX, 41)}`],
  }),
  tokenRule({
    id: 'woocommerce-consumer-key',
    provider: 'WooCommerce',
    description: 'A WooCommerce REST consumer key (ck_): names the key whose secret usually sits beside it.',
    keywords: ['ck_'],
    body: 'ck_[a-f0-9]{40}',
    entropy: 3,
    severity: 'medium',
    fake: () => `ck_${randomKey(HEX, 40)}`,
    nonMatches: () => [`ck_${randomKey(HEX, 20)}`],
  }),
]
