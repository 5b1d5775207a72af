import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Sanity: its key, from the provider's published format. */
export const SANITY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sanity-api-token',
    provider: 'Sanity',
    description: 'A Sanity API token: reads drafts and writes the project\'s content.',
    words: 'sanity',
    value: 'sk[A-Za-z0-9]{150,200}',
    entropy: 4,
    fake: () => `sk${randomKey(ALNUM, 180)}`,
    exampleName: 'SANITY_API_TOKEN',
  }),
]
