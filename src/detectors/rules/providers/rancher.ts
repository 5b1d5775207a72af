import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Rancher: its key, from the provider's published format. */
export const RANCHER_RULES: readonly Rule[] = [
  tokenRule({
    id: 'rancher-api-token',
    provider: 'Rancher',
    description: 'A Rancher API token (token-xxxxx:…): manages every cluster its user can reach.',
    keywords: ['token-'],
    body: 'token-[a-z0-9]{5}:[a-z0-9]{54}',
    entropy: 3,
    severity: 'critical',
    fake: () => `token-${randomKey(LOWER_ALNUM, 5)}:${randomKey(LOWER_ALNUM, 54)}`,
    nonMatches: () => [`token-${randomKey(LOWER_ALNUM, 5)}:${randomKey(LOWER_ALNUM, 20)}`],
  }),
]
