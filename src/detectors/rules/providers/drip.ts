import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Drip: its key, from the provider's published format. */
export const DRIP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'drip-api-token',
    provider: 'Drip',
    description: 'A Drip API token: reads and changes the account\'s subscribers and workflows.',
    words: 'drip',
    keywords: ['drip_', 'drip-', 'drip.', 'dripapi', 'dripkey', 'driptoken', 'dripsecret', 'dripauth', 'dripaccess', 'dripclient', 'dripprivate', 'dripapp', 'dripwrite', 'driprest', 'driprecord', 'dripsdk', 'drippat', 'drippassword'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'DRIP_API_TOKEN',
  }),
]
