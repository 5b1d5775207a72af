import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Cloudsmith: its key, from the provider's published format. */
export const CLOUDSMITH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'cloudsmith-api-key',
    provider: 'Cloudsmith',
    description: 'A Cloudsmith API key: pulls and publishes the organisation\'s private packages.',
    words: 'cloudsmith',
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'CLOUDSMITH_API_KEY',
  }),
]
