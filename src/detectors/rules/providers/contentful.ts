import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Contentful: its key, from the provider's published format. */
export const CONTENTFUL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'contentful-delivery-api-token',
    provider: 'Contentful',
    description: 'A Contentful API token: reads (or with a management token, changes) the space\'s content.',
    words: 'contentful',
    value: '[A-Za-z0-9=_-]{43}',
    entropy: 3,
    fake: () => randomKey(ALNUM + '_-', 43),
    exampleName: 'CONTENTFUL_ACCESS_TOKEN',
  }),
]
