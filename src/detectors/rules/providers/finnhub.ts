import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Finnhub: its key, from the provider's published format. */
export const FINNHUB_RULES: readonly Rule[] = [
  keyedRule({
    id: 'finnhub-access-token',
    provider: 'Finnhub',
    description: 'A Finnhub API key: market-data quota billed to the account.',
    words: 'finnhub',
    value: '[A-Za-z0-9]{20}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(LOWER_ALNUM, 20),
    exampleName: 'FINNHUB_API_KEY',
  }),
]
