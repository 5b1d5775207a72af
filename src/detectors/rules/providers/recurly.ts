import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Recurly: its key, from the provider's published format. */
export const RECURLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'recurly-api-key',
    provider: 'Recurly',
    description: 'A Recurly private API key: reads and changes the site\'s accounts, subscriptions and billing info.',
    words: 'recurly',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 32),
    exampleName: 'RECURLY_API_KEY',
  }),
]
