import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Appwrite: its key, from the provider's published format. */
export const APPWRITE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'appwrite-api-key',
    provider: 'Appwrite',
    description: 'An Appwrite API key: acts on the project\'s databases, storage and users with the key\'s scopes.',
    words: 'appwrite',
    value: '(?:standard_)?[a-f0-9]{256}',
    entropy: 3.5,
    fake: () => `standard_${randomKey(HEX, 256)}`,
    exampleName: 'APPWRITE_API_KEY',
  }),
]
