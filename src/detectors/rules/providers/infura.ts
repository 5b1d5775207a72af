import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Infura: its key, from the provider's published format. */
export const INFURA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'infura-api-key-secret',
    provider: 'Infura',
    description: 'An Infura API key secret: calls blockchain nodes billed to the project.',
    words: 'infura',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'INFURA_API_KEY_SECRET',
  }),
]
