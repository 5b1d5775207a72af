import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** New York Times: its key, from the provider's published format. */
export const NEW_YORK_TIMES_RULES: readonly Rule[] = [
  keyedRule({
    id: 'nytimes-access-token',
    provider: 'New York Times',
    description: 'A New York Times developer API key: API quota billed to the account.',
    words: 'nytimes|new[_.-]?york[_.-]?times',
    keywords: ['nytimes', 'newyorktimes', 'new_york_times', 'new-york-times'],
    value: '[A-Za-z0-9=_-]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'NYTIMES_API_KEY',
  }),
]
