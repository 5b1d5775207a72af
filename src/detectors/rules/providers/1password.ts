import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UPPER_ALNUM, randomKey, tokenRule} from '../build.js'

/** 1Password: its keys, from the provider's published format. */
export const ONEPASSWORD_RULES: readonly Rule[] = [
  tokenRule({
    id: '1password-secret-key',
    provider: '1Password',
    description: 'A 1Password account Secret Key: with the master password it opens the whole account.',
    keywords: ['A3-'],
    body: 'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}',
    before: 'A-Za-z0-9',
    after: 'A-Za-z0-9-',
    entropy: 3,
    severity: 'critical',
    fake: () => `A3-${randomKey(UPPER_ALNUM, 6)}-${randomKey(UPPER_ALNUM, 11)}-${[5, 5, 5].map((n) => randomKey(UPPER_ALNUM, n)).join('-')}`,
    nonMatches: () => [`A3-${randomKey(UPPER_ALNUM, 6)}-${randomKey(UPPER_ALNUM, 9)}-${randomKey(UPPER_ALNUM, 5)}`],
  }),
  tokenRule({
    id: '1password-service-account-token',
    provider: '1Password',
    description: 'A 1Password service account token: reads every vault the service account is granted.',
    keywords: ['ops_eyj'],
    body: 'ops_eyJ[A-Za-z0-9+/_-]{250,}={0,3}',
    entropy: 4,
    severity: 'critical',
    fake: () => `ops_eyJ${randomKey(BASE64, 300)}`,
    nonMatches: () => [`OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ${randomKey(BASE64, 20)}...`],
  }),
]
