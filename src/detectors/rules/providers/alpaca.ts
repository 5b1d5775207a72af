import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Alpaca: its key, from the provider's published format. */
export const ALPACA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'alpaca-secret-key',
    provider: 'Alpaca',
    description: 'An Alpaca trading API secret key: with its key id it places trades in the brokerage account.',
    words: 'alpaca|apca',
    keywords: ['alpaca', 'apca'],
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 40),
    secretNameOnly: true,
    exampleName: 'APCA_API_SECRET_KEY',
  }),
]
