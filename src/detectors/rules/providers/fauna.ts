import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Fauna: its key, from the provider's published format. */
export const FAUNA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'fauna-secret',
    provider: 'Fauna',
    description: 'A Fauna database key secret (fn…): reads and writes the database it was made for.',
    words: 'fauna(?:db)?',
    keywords: ['fauna'],
    value: 'fn[A-Za-z0-9_-]{38}',
    entropy: 3,
    fake: () => `fnA${randomKey(BASE64URL, 37)}`,
    exampleName: 'FAUNA_SECRET',
  }),
]
