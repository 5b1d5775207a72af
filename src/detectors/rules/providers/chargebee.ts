import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Chargebee: its key, from the provider's published format. */
export const CHARGEBEE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'chargebee-api-key',
    provider: 'Chargebee',
    description: 'A Chargebee API key: reads and changes the site\'s customers, subscriptions and invoices.',
    words: 'chargebee',
    value: '(?:live|test)_[A-Za-z0-9]{26,40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `live_${randomKey(ALNUM, 32)}`,
    exampleName: 'CHARGEBEE_API_KEY',
  }),
]
