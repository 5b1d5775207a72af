import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Attio: its key, from the provider's published format. */
export const ATTIO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'attio-access-token',
    provider: 'Attio',
    description: 'An Attio access token: reads and changes the workspace\'s CRM records.',
    words: 'attio',
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'ATTIO_API_KEY',
  }),
]
