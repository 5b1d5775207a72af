import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Discourse: its key, from the provider's published format. */
export const DISCOURSE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'discourse-api-key',
    provider: 'Discourse',
    description: 'A Discourse API key: posts, moderates and reads private categories as its user, often all users.',
    words: 'discourse',
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'DISCOURSE_API_KEY',
  }),
]
