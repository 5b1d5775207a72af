import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Recharge: its key, from the provider's published format. */
export const RECHARGE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'recharge-api-token',
    provider: 'Recharge',
    description: 'A Recharge API token: reads and changes the store\'s subscriptions and customers.',
    words: 'recharge',
    value: 'sk_(?:1x1|2x2|test)_[a-f0-9]{64}|[a-f0-9]{56}',
    entropy: 3,
    fake: () => `sk_1x1_${randomKey(HEX, 64)}`,
    secretNameOnly: true,
    exampleName: 'RECHARGE_API_TOKEN',
  }),
]
