import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** FreshBooks: its key, from the provider's published format. */
export const FRESHBOOKS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'freshbooks-access-token',
    provider: 'FreshBooks',
    description: 'A FreshBooks token or secret: reads and changes the business\'s invoices and clients.',
    words: 'freshbooks?',
    keywords: ['freshbook'],
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'FRESHBOOKS_ACCESS_TOKEN',
  }),
]
