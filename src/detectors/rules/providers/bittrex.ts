import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Bittrex: its key, from the provider's published format. */
export const BITTREX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bittrex-api-key',
    provider: 'Bittrex',
    description: 'A Bittrex API key or secret: trades and withdraws on the exchange account.',
    words: 'bittrex',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 32),
    exampleName: 'BITTREX_API_SECRET',
  }),
]
