import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Omnisend: its key, from the provider's published format. */
export const OMNISEND_RULES: readonly Rule[] = [
  keyedRule({
    id: 'omnisend-api-key',
    provider: 'Omnisend',
    description: 'An Omnisend API key: reads and changes the store\'s contacts and campaigns.',
    words: 'omnisend',
    value: '[a-f0-9]{24}-[A-Za-z0-9]{40,60}',
    entropy: 3,
    fake: () => `${randomKey(HEX, 24)}-${randomKey(ALNUM, 50)}`,
    exampleName: 'OMNISEND_API_KEY',
  }),
]
