import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Binance: its key, from the provider's published format. */
export const BINANCE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'binance-api-secret',
    provider: 'Binance',
    description: 'A Binance API secret: with its key it trades and, if allowed, withdraws from the account.',
    words: 'binance',
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'BINANCE_API_SECRET',
  }),
]
