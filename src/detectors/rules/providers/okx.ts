import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** OKX: its key, from the provider's published format. */
export const OKX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'okx-secret-key',
    provider: 'OKX',
    description: 'An OKX API secret key: with its key and passphrase it trades from the account.',
    words: 'okx|okex',
    keywords: ['okx', 'okex'],
    value: '[A-F0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 32).toUpperCase(),
    secretNameOnly: true,
    exampleName: 'OKX_SECRET_KEY',
  }),
]
