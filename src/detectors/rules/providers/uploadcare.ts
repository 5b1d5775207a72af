import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Uploadcare: its key, from the provider's published format. */
export const UPLOADCARE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'uploadcare-secret-key',
    provider: 'Uploadcare',
    description: 'An Uploadcare secret key: deletes and changes the project\'s stored files.',
    words: 'uploadcare',
    value: '[a-f0-9]{20}',
    entropy: 3,
    fake: () => randomKey(HEX, 20),
    secretNameOnly: true,
    exampleName: 'UPLOADCARE_SECRET_KEY',
  }),
]
