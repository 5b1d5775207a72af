import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ipstack: its key, from the provider's published format. */
export const IPSTACK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ipstack-access-key',
    provider: 'ipstack',
    description: 'An ipstack access key: looks up IP data on the account\'s plan.',
    words: 'ipstack',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 32),
    exampleName: 'IPSTACK_ACCESS_KEY',
  }),
]
