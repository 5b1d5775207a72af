import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** DNSimple: its key, from the provider's published format. */
export const DNSIMPLE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'dnsimple-access-token',
    provider: 'DNSimple',
    description: 'A DNSimple API access token: changes the account\'s domains and DNS records.',
    words: 'dnsimple',
    value: '(?:dnsimple_[au]_)?[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => `dnsimple_a_${randomKey(ALNUM, 32)}`,
    exampleName: 'DNSIMPLE_TOKEN',
  }),
]
