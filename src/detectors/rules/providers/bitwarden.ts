import {ALNUM, BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, randomUuid, tokenRule} from '../build.js'

/** Bitwarden: its key, from the provider's published format. */
export const BITWARDEN_RULES: readonly Rule[] = [
  tokenRule({
    id: 'bitwarden-access-token',
    provider: 'Bitwarden',
    description: 'A Bitwarden Secrets Manager access token (0.<id>.<secret>:<key>): reads every secret its machine account is granted.',
    keywords: ['0.'],
    body: '0\\.[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==',
    before: 'A-Za-z0-9.',
    after: '',
    entropy: 3,
    severity: 'critical',
    fake: () => `0.${randomUuid()}.${randomKey(ALNUM, 30)}:${randomKey(BASE64, 22)}==`,
    nonMatches: () => [`0.${randomUuid()}.${randomKey(ALNUM, 30)}`],
  }),
]
