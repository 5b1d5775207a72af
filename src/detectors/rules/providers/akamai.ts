import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey, tokenRule} from '../build.js'

/** Akamai: its keys, from the provider's published format. */
export const AKAMAI_RULES: readonly Rule[] = [
  tokenRule({
    id: 'akamai-edgegrid-client-token',
    provider: 'Akamai',
    description: 'An Akamai EdgeGrid client token (akab-): with its secret it changes the account\'s CDN and security config.',
    keywords: ['akab-'],
    body: 'akab-[a-z0-9]{16}-[a-z0-9]{16}',
    entropy: 3,
    fake: () => `akab-${randomKey(LOWER_ALNUM, 16)}-${randomKey(LOWER_ALNUM, 16)}`,
    nonMatches: () => [`akab-${randomKey(LOWER_ALNUM, 16)}`],
  }),
  keyedRule({
    id: 'akamai-edgegrid-client-secret',
    provider: 'Akamai',
    description: 'An Akamai EdgeGrid client secret: signs API calls that change the account\'s CDN and security config.',
    words: 'akamai|edgegrid',
    keywords: ['akamai', 'edgegrid'],
    value: '[A-Za-z0-9+/]{43}=',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `${randomKey(BASE64, 43)}=`,
    exampleName: 'AKAMAI_CLIENT_SECRET',
    nearMisses: () => [`AKAMAI_CLIENT_SECRET=${randomKey(BASE64, 40)}`],
  }),
]
