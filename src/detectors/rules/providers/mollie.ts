import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Mollie: its keys, from the provider's published format. */
export const MOLLIE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mollie-api-key',
    provider: 'Mollie',
    description: 'A Mollie API key: creates payments and refunds as the profile.',
    words: 'mollie',
    value: '(?:live|test)_[A-Za-z0-9]{30}',
    entropy: 3,
    severity: 'critical',
    fake: () => `live_${randomKey(ALNUM, 30)}`,
    exampleName: 'MOLLIE_API_KEY',
  }),
  tokenRule({
    id: 'mollie-access-token',
    provider: 'Mollie',
    description: 'A Mollie organisation access token (access_): acts on the organisation\'s payments, refunds and settlements.',
    keywords: ['access_'],
    body: 'access_[A-Za-z0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `access_${randomKey(ALNUM, 40)}`,
    nonMatches: () => [`access_${randomKey(ALNUM, 20)}`, `access_token_${randomKey(ALNUM, 40)}`],
  }),
]
