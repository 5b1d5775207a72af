import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Transifex: its key, from the provider's published format. */
export const TRANSIFEX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'transifex-api-token',
    provider: 'Transifex',
    description: 'A Transifex API token: reads and changes the organisation\'s translation resources.',
    words: 'transifex|tx',
    keywords: ['transifex'],
    value: '1/[a-f0-9]{40}',
    entropy: 3,
    fake: () => `1/${randomKey(HEX, 40)}`,
    exampleName: 'TRANSIFEX_TOKEN',
  }),
]
