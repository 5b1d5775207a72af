import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Thinkific: its key, from the provider's published format. */
export const THINKIFIC_RULES: readonly Rule[] = [
  keyedRule({
    id: 'thinkific-api-key',
    provider: 'Thinkific',
    description: 'A Thinkific API key: reads and changes the site\'s users, enrolments and orders.',
    words: 'thinkific',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'THINKIFIC_API_KEY',
  }),
]
