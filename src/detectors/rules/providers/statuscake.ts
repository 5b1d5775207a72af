import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** StatusCake: its key, from the provider's published format. */
export const STATUSCAKE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'statuscake-api-token',
    provider: 'StatusCake',
    description: 'A StatusCake API token: reads and changes the account\'s uptime tests.',
    words: 'status[_.-]?cake',
    keywords: ['statuscake', 'status_cake', 'status-cake', 'status.cake'],
    value: '[A-Za-z0-9]{20,32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 20),
    secretNameOnly: true,
    exampleName: 'STATUSCAKE_API_TOKEN',
  }),
]
