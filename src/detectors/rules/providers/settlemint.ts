import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** SettleMint: its keys, from the provider's published format. */
export const SETTLEMINT_RULES: readonly Rule[] = [
  tokenRule({
    id: 'settlemint-application-access-token',
    provider: 'SettleMint',
    description: 'A SettleMint application access token: calls the application\'s blockchain services.',
    keywords: ['sm_aat_'],
    body: 'sm_aat_[A-Za-z0-9]{16}',
    entropy: 3,
    fake: () => `sm_aat_${randomKey(LOWER_ALNUM, 16)}`,
    nonMatches: () => [`sm_aat_${randomKey(LOWER_ALNUM, 10)}`],
  }),
  tokenRule({
    id: 'settlemint-personal-access-token',
    provider: 'SettleMint',
    description: 'A SettleMint personal access token: acts on the platform as its user.',
    keywords: ['sm_pat_'],
    body: 'sm_pat_[A-Za-z0-9]{16}',
    entropy: 3,
    fake: () => `sm_pat_${randomKey(LOWER_ALNUM, 16)}`,
    nonMatches: () => [`sm_pat_${randomKey(LOWER_ALNUM, 10)}`],
  }),
  tokenRule({
    id: 'settlemint-service-access-token',
    provider: 'SettleMint',
    description: 'A SettleMint service access token: calls the platform\'s services as the service.',
    keywords: ['sm_sat_'],
    body: 'sm_sat_[A-Za-z0-9]{16}',
    entropy: 3,
    fake: () => `sm_sat_${randomKey(LOWER_ALNUM, 16)}`,
    nonMatches: () => [`sm_sat_${randomKey(LOWER_ALNUM, 10)}`],
  }),
]
