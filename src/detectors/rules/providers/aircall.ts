import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Aircall: its key, from the provider's published format. */
export const AIRCALL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'aircall-api-token',
    provider: 'Aircall',
    description: 'An Aircall API token: reads the company\'s calls and recordings and changes its numbers.',
    words: 'aircall',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'AIRCALL_API_TOKEN',
  }),
]
