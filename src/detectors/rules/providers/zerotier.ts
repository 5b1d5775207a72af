import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ZeroTier: its key, from the provider's published format. */
export const ZEROTIER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zerotier-api-token',
    provider: 'ZeroTier',
    description: 'A ZeroTier Central API token: adds members to and changes the account\'s networks.',
    words: 'zerotier',
    keywords: ['zerotier'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'ZEROTIER_API_TOKEN',
  }),
]
