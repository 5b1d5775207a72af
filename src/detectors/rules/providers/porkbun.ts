import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Porkbun: its keys, from the provider's published format. */
export const PORKBUN_RULES: readonly Rule[] = [
  tokenRule({
    id: 'porkbun-secret-api-key',
    provider: 'Porkbun',
    description: 'A Porkbun secret API key (sk1_): with its API key it changes the account\'s domains and DNS records.',
    keywords: ['sk1_'],
    body: 'sk1_[a-f0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => `sk1_${randomKey(HEX, 64)}`,
    nonMatches: () => [`sk1_${randomKey(HEX, 32)}`],
  }),
  tokenRule({
    id: 'porkbun-api-key',
    provider: 'Porkbun',
    description: 'A Porkbun API key (pk1_): names the key whose secret usually sits beside it.',
    keywords: ['pk1_'],
    body: 'pk1_[a-f0-9]{64}',
    entropy: 3,
    severity: 'medium',
    fake: () => `pk1_${randomKey(HEX, 64)}`,
    nonMatches: () => [`pk1_${randomKey(HEX, 32)}`],
  }),
]
