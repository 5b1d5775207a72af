import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Jotform: its key, from the provider's published format. */
export const JOTFORM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'jotform-api-key',
    provider: 'Jotform',
    description: 'A Jotform API key: reads the account\'s forms and every submission to them.',
    words: 'jotform',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'JOTFORM_API_KEY',
  }),
]
