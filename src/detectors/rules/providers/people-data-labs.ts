import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** People Data Labs: its key, from the provider's published format. */
export const PEOPLE_DATA_LABS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'people-data-labs-api-key',
    provider: 'People Data Labs',
    description: 'A People Data Labs API key: enriches and searches person records on the account\'s credits.',
    words: 'people[_.-]?data[_.-]?labs|pdl',
    keywords: ['peopledatalabs', 'people_data_labs', 'people-data-labs', 'pdl'],
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'PDL_API_KEY',
  }),
]
