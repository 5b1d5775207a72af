import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Microsoft Entra ID: its key, from the provider's published format. */
export const MICROSOFT_ENTRA_ID_RULES: readonly Rule[] = [
  tokenRule({
    id: 'azure-ad-client-secret',
    provider: 'Microsoft Entra ID',
    description: 'An Azure AD (Entra ID) application client secret: signs in as the app registration.',
    keywords: ['q~'],
    body: '[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}',
    before: 'A-Za-z0-9_~.-',
    after: 'A-Za-z0-9_~.-',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `${randomKey(ALNUM, 3)}8Q~${randomKey(ALNUM + '_-', 34)}`,
    nonMatches: () => [`${randomKey(ALNUM, 3)}8Q~${randomKey(ALNUM, 20)}`, `~~~~${randomKey(ALNUM, 40)}~~~~`],
  }),
]
