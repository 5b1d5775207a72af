import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Flickr: its key, from the provider's published format. */
export const FLICKR_RULES: readonly Rule[] = [
  keyedRule({
    id: 'flickr-access-token',
    provider: 'Flickr',
    description: 'A Flickr API key or secret: acts as the app towards Flickr.',
    words: 'flickr',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    exampleName: 'FLICKR_API_SECRET',
  }),
]
