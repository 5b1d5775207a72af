import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Outseta: its key, from the provider's published format. */
export const OUTSETA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'outseta-api-secret',
    provider: 'Outseta',
    description: 'An Outseta API secret: with its key it reads and changes the account\'s members and billing.',
    words: 'outseta',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'OUTSETA_API_SECRET',
  }),
]
