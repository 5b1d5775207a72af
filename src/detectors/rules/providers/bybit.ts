import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Bybit: its key, from the provider's published format. */
export const BYBIT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bybit-api-secret',
    provider: 'Bybit',
    description: 'A Bybit API secret: with its key it trades and, if allowed, withdraws from the account.',
    words: 'bybit',
    value: '[A-Za-z0-9]{36}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 36),
    secretNameOnly: true,
    exampleName: 'BYBIT_API_SECRET',
  }),
]
