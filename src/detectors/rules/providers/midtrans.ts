import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Midtrans: its key, from the provider's published format. */
export const MIDTRANS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'midtrans-server-key',
    provider: 'Midtrans',
    description: 'A Midtrans server key (Mid-server-): takes payments and refunds as the merchant.',
    keywords: ['Mid-server-'],
    body: '(?:SB-)?Mid-server-[A-Za-z0-9_-]{24}',
    entropy: 3,
    severity: 'critical',
    fake: () => `Mid-server-${randomKey(BASE64URL, 24)}`,
    nonMatches: () => [`Mid-server-${randomKey(BASE64URL, 10)}`, `Mid-client-${randomKey(BASE64URL, 24)}`],
  }),
]
