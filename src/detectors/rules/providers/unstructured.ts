import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Unstructured: its key, from the provider's published format. */
export const UNSTRUCTURED_RULES: readonly Rule[] = [
  keyedRule({
    id: 'unstructured-api-key',
    provider: 'Unstructured',
    description: 'An Unstructured API key: parses documents billed to the account.',
    words: 'unstructured',
    value: '[A-Za-z0-9]{30}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 30),
    secretNameOnly: true,
    exampleName: 'UNSTRUCTURED_API_KEY',
  }),
]
