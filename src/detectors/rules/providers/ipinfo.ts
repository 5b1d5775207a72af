import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** IPinfo: its key, from the provider's published format. */
export const IPINFO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ipinfo-access-token',
    provider: 'IPinfo',
    description: 'An IPinfo access token: looks up IP data on the account\'s plan.',
    words: 'ipinfo',
    value: '[a-f0-9]{14}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 14),
    exampleName: 'IPINFO_TOKEN',
  }),
]
