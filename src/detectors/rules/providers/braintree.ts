import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey, tokenRule} from '../build.js'

/** Braintree: its keys, from the provider's published format. */
export const BRAINTREE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'braintree-access-token',
    provider: 'Braintree',
    description: 'A Braintree (PayPal) access token: takes payments and refunds as the merchant.',
    keywords: ['access_token$'],
    body: 'access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}',
    before: 'A-Za-z0-9_',
    after: 'A-Za-z0-9',
    entropy: 3,
    severity: 'critical',
    fake: () => `access_token$production$${randomKey(LOWER_ALNUM, 16)}$${randomKey(HEX, 32)}`,
    nonMatches: () => [`access_token$production$${randomKey(LOWER_ALNUM, 16)}`],
  }),
  keyedRule({
    id: 'braintree-private-key',
    provider: 'Braintree',
    description: 'A Braintree private key: with its public key it takes payments and refunds as the merchant.',
    words: 'braintree',
    keywords: ['braintree'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'BRAINTREE_PRIVATE_KEY',
  }),
]
