import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Cronitor: its key, from the provider's published format. */
export const CRONITOR_RULES: readonly Rule[] = [
  keyedRule({
    id: 'cronitor-api-key',
    provider: 'Cronitor',
    description: 'A Cronitor API key: reads and changes the account\'s monitors.',
    words: 'cronitor',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    exampleName: 'CRONITOR_API_KEY',
  }),
]
