import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Razorpay: its keys, from the provider's published format. */
export const RAZORPAY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'razorpay-key-id',
    provider: 'Razorpay',
    description: 'A Razorpay key id (rzp_live_/rzp_test_): names the key whose secret usually sits beside it.',
    keywords: ['rzp_live_', 'rzp_test_'],
    body: 'rzp_(?:live|test)_[A-Za-z0-9]{14}',
    entropy: 3,
    severity: 'medium',
    fake: () => `rzp_live_${randomKey(ALNUM, 14)}`,
    nonMatches: () => [`rzp_live_${randomKey(ALNUM, 8)}`],
  }),
  keyedRule({
    id: 'razorpay-key-secret',
    provider: 'Razorpay',
    description: 'A Razorpay key secret: with its key id it takes payments and refunds as the merchant.',
    words: 'razorpay|rzp',
    keywords: ['razorpay', 'rzp'],
    value: '[A-Za-z0-9]{24}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 24),
    secretNameOnly: true,
    exampleName: 'RAZORPAY_KEY_SECRET',
  }),
]
