import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** PayPal: its keys, from the provider's published format. */
export const PAYPAL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'paypal-client-secret',
    provider: 'PayPal',
    description: 'A PayPal REST client secret: with its client id it obtains tokens that take payments and refunds.',
    words: 'paypal',
    value: 'E[A-Za-z0-9_-]{79}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `E${randomKey(BASE64URL, 79)}`,
    secretNameOnly: true,
    exampleName: 'PAYPAL_CLIENT_SECRET',
  }),
  keyedRule({
    id: 'paypal-client-id',
    provider: 'PayPal',
    description: 'A PayPal REST client id: names the app whose secret usually sits beside it.',
    words: 'paypal',
    value: 'A[A-Za-z0-9_-]{79}',
    entropy: 3.5,
    severity: 'low',
    fake: () => `A${randomKey(BASE64URL, 79)}`,
    exampleName: 'PAYPAL_CLIENT_ID',
  }),
]
