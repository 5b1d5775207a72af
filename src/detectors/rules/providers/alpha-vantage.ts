import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Alpha Vantage: its key, from the provider's published format. */
export const ALPHA_VANTAGE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'alpha-vantage-api-key',
    provider: 'Alpha Vantage',
    description: 'An Alpha Vantage API key: calls market data on the account\'s plan.',
    words: 'alpha[_.-]?vantage',
    keywords: ['alphavantage', 'alpha_vantage', 'alpha-vantage', 'alpha.vantage'],
    value: '[A-Z0-9]{16}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(UPPER_ALNUM, 16),
    exampleName: 'ALPHAVANTAGE_API_KEY',
  }),
]
