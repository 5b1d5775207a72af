import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Basecamp: its key, from the provider's published format. */
export const BASECAMP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'basecamp-access-token',
    provider: 'Basecamp',
    description: 'A Basecamp OAuth access token: reads and changes the account\'s projects and messages.',
    words: 'basecamp|37signals',
    keywords: ['basecamp', '37signals'],
    value: 'BAhbB[A-Za-z0-9+/=-]{80,}',
    entropy: 3.5,
    fake: () => `BAhbB${randomKey(BASE64, 120)}`,
    secretNameOnly: true,
    exampleName: 'BASECAMP_ACCESS_TOKEN',
  }),
]
