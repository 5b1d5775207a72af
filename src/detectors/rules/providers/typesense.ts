import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Typesense: its key, from the provider's published format. */
export const TYPESENSE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'typesense-api-key',
    provider: 'Typesense',
    description: 'A Typesense API key: searches or, as an admin key, changes every collection of the cluster.',
    words: 'typesense',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'TYPESENSE_API_KEY',
  }),
]
