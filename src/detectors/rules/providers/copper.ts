import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Copper: its key, from the provider's published format. */
export const COPPER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'copper-api-key',
    provider: 'Copper',
    description: 'A Copper CRM API key: reads and changes the account\'s people, companies and opportunities.',
    words: 'copper',
    keywords: ['copper_', 'copper-', 'copper.', 'copperapi', 'copperkey', 'coppertoken', 'coppersecret', 'copperauth', 'copperaccess', 'copperclient', 'copperprivate', 'copperapp', 'copperwrite', 'copperrest', 'copperrecord', 'coppersdk', 'copperpat', 'copperpassword'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'COPPER_API_KEY',
  }),
]
