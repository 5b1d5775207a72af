import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Gorgias: its key, from the provider's published format. */
export const GORGIAS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gorgias-api-key',
    provider: 'Gorgias',
    description: 'A Gorgias API key: reads and answers the helpdesk\'s tickets and customer data.',
    words: 'gorgias',
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'GORGIAS_API_KEY',
  }),
]
