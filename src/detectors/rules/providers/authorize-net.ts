import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Authorize.Net: its key, from the provider's published format. */
export const AUTHORIZE_NET_RULES: readonly Rule[] = [
  keyedRule({
    id: 'authorize-net-transaction-key',
    provider: 'Authorize.Net',
    description: 'An Authorize.Net transaction key: with the API login id it charges and refunds cards as the merchant.',
    words: 'authorize[_.-]?net|authnet',
    keywords: ['authorizenet', 'authorize_net', 'authorize-net', 'authorize.net', 'authnet'],
    value: '[A-Za-z0-9]{16}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 16),
    secretNameOnly: true,
    exampleName: 'AUTHORIZE_NET_TRANSACTION_KEY',
  }),
]
