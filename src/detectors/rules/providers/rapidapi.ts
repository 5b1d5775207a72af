import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** RapidAPI: its key, from the provider's published format. */
export const RAPIDAPI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'rapidapi-access-token',
    provider: 'RapidAPI',
    description: 'A RapidAPI key: calls every API the account subscribes to, billed to it.',
    words: 'rapid[_.-]?api',
    keywords: ['rapidapi', 'rapid_api', 'rapid-api'],
    value: '[A-Za-z0-9_-]{50}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 50),
    exampleName: 'RAPIDAPI_KEY',
  }),
]
