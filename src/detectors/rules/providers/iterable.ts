import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Iterable: its key, from the provider's published format. */
export const ITERABLE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'iterable-api-key',
    provider: 'Iterable',
    description: 'An Iterable API key: reads and changes the project\'s users and sends its campaigns.',
    words: 'iterable',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'ITERABLE_API_KEY',
  }),
]
