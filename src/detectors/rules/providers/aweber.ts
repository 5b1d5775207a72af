import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** AWeber: its key, from the provider's published format. */
export const AWEBER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'aweber-client-secret',
    provider: 'AWeber',
    description: 'An AWeber app client secret: obtains tokens for the account\'s lists and subscribers.',
    words: 'aweber',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'AWEBER_CLIENT_SECRET',
  }),
]
