import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Adyen: its key, from the provider's published format. */
export const ADYEN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'adyen-api-key',
    provider: 'Adyen',
    description: 'An Adyen API key (AQE…): takes payments, refunds and payouts as the merchant account.',
    words: 'adyen',
    value: 'AQE[A-Za-z0-9+/=_.-]{80,}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `AQE${randomKey(BASE64, 120)}`,
    exampleName: 'ADYEN_API_KEY',
  }),
]
