import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Circle: its key, from the provider's published format. */
export const CIRCLE_SO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'circle-so-api-token',
    provider: 'Circle',
    description: 'A Circle community API token: reads and changes the community\'s members and posts.',
    words: 'circle[_.-]?(?:so|community)',
    keywords: ['circle_so', 'circle-so', 'circleso', 'circle.so', 'circle_community', 'circle-community', 'circlecommunity'],
    value: '[A-Za-z0-9]{24,32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 28),
    secretNameOnly: true,
    exampleName: 'CIRCLE_SO_API_TOKEN',
  }),
]
