import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Yelp: its key, from the provider's published format. */
export const YELP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'yelp-api-key',
    provider: 'Yelp',
    description: 'A Yelp Fusion API key: calls business search on the app\'s quota.',
    words: 'yelp',
    value: '[A-Za-z0-9_-]{128}',
    entropy: 3.5,
    severity: 'medium',
    fake: () => randomKey(BASE64URL, 128),
    exampleName: 'YELP_API_KEY',
  }),
]
