import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Bitfinex: its key, from the provider's published format. */
export const BITFINEX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bitfinex-api-secret',
    provider: 'Bitfinex',
    description: 'A Bitfinex API secret: with its key it trades and, if allowed, withdraws from the account.',
    words: 'bitfinex',
    value: '[A-Za-z0-9]{43}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 43),
    secretNameOnly: true,
    exampleName: 'BITFINEX_API_SECRET',
  }),
]
