import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Percy: its key, from the provider's published format. */
export const PERCY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'percy-token',
    provider: 'Percy',
    description: 'A Percy project token: uploads visual snapshots to the project.',
    words: 'percy',
    keywords: ['percy_', 'percy-', 'percy.', 'percyapi', 'percykey', 'percytoken', 'percysecret', 'percyauth', 'percyaccess', 'percyclient', 'percyprivate', 'percyapp', 'percywrite', 'percyrest', 'percyrecord', 'percysdk', 'percypat', 'percypassword'],
    value: '(?:web_|app_|auto_|ss_)?[a-f0-9]{64}',
    entropy: 3,
    severity: 'medium',
    fake: () => `web_${randomKey(HEX, 64)}`,
    exampleName: 'PERCY_TOKEN',
  }),
]
