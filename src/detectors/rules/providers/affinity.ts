import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Affinity: its key, from the provider's published format. */
export const AFFINITY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'affinity-api-key',
    provider: 'Affinity',
    description: 'An Affinity CRM API key: reads and changes the team\'s relationship data and notes.',
    words: 'affinity',
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'AFFINITY_API_KEY',
  }),
]
