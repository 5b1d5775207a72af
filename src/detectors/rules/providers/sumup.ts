import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** SumUp: its key, from the provider's published format. */
export const SUMUP_RULES: readonly Rule[] = [
  tokenRule({
    id: 'sumup-api-key',
    provider: 'SumUp',
    description: 'A SumUp API key (sup_sk_): takes card payments and refunds as the merchant.',
    keywords: ['sup_sk_'],
    body: 'sup_sk_[A-Za-z0-9]{30,40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `sup_sk_${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`sup_sk_${randomKey(ALNUM, 12)}`, `sup_pk_${randomKey(ALNUM, 32)}`],
  }),
]
