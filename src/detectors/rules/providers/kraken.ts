import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Kraken: its key, from the provider's published format. */
export const KRAKEN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'kraken-access-token',
    provider: 'Kraken',
    description: 'A Kraken API key or private key: trades and withdraws on the exchange account.',
    words: 'kraken',
    value: '[A-Za-z0-9/=_+-]{80,90}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(BASE64, 88),
    exampleName: 'KRAKEN_PRIVATE_KEY',
  }),
]
