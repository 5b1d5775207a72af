import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomKey, randomUuid} from '../build.js'

/** KuCoin: its keys, from the provider's published format. */
export const KUCOIN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'kucoin-access-token',
    provider: 'KuCoin',
    description: 'A KuCoin API key: with its secret and passphrase it trades on the exchange account.',
    words: 'kucoin',
    value: '[a-fA-F0-9]{24}',
    entropy: 3,
    fake: () => randomKey(HEX, 24),
    exampleName: 'KUCOIN_API_KEY',
  }),
  keyedRule({
    id: 'kucoin-secret-key',
    provider: 'KuCoin',
    description: 'A KuCoin API secret: signs trading and withdrawal requests on the exchange account.',
    words: 'kucoin',
    value: UUID,
    entropy: 3,
    severity: 'critical',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'KUCOIN_API_SECRET',
  }),
]
