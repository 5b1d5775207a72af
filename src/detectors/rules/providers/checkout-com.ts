import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey, randomUuid, tokenRule} from '../build.js'

/** Checkout.com: its keys, from the provider's published format. */
export const CHECKOUT_COM_RULES: readonly Rule[] = [
  tokenRule({
    id: 'checkout-com-secret-key',
    provider: 'Checkout.com',
    description: 'A Checkout.com secret key (sk_sbox_/sk_…): takes payments, refunds and payouts as the merchant.',
    keywords: ['sk_sbox_'],
    body: 'sk_sbox_[a-z0-9]{26}[a-z0-9]?',
    entropy: 3,
    severity: 'critical',
    fake: () => `sk_sbox_${randomKey(LOWER_ALNUM, 26)}`,
    nonMatches: () => [`sk_sbox_${randomKey(LOWER_ALNUM, 12)}`],
  }),
  keyedRule({
    id: 'checkout-com-legacy-key',
    provider: 'Checkout.com',
    description: 'A Checkout.com secret key in its older UUID form: takes payments and refunds as the merchant.',
    words: 'checkout[_.-]?com|cko',
    keywords: ['checkout_com', 'checkout-com', 'checkoutcom', 'checkout.com', 'cko'],
    value: 'sk_(?:test_)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    entropy: 3,
    severity: 'critical',
    fake: () => `sk_test_${randomUuid()}`,
    exampleName: 'CKO_SECRET_KEY',
  }),
]
