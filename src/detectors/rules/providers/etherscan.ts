import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Etherscan: its key, from the provider's published format. */
export const ETHERSCAN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'etherscan-api-key',
    provider: 'Etherscan',
    description: 'An Etherscan API key: calls blockchain data on the account\'s plan.',
    words: 'etherscan|bscscan|polygonscan',
    keywords: ['etherscan', 'bscscan', 'polygonscan'],
    value: '[A-Z0-9]{34}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(UPPER_ALNUM, 34),
    exampleName: 'ETHERSCAN_API_KEY',
  }),
]
