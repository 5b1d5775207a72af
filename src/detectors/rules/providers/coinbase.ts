import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Coinbase: its key, from the provider's published format. */
export const COINBASE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'coinbase-access-token',
    provider: 'Coinbase',
    description: 'A Coinbase API key or token: trades and moves funds on the account.',
    words: 'coinbase',
    value: '[A-Za-z0-9_-]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'COINBASE_API_SECRET',
  }),
]
