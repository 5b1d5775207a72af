import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Teachable: its key, from the provider's published format. */
export const TEACHABLE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'teachable-api-key',
    provider: 'Teachable',
    description: 'A Teachable API key: reads the school\'s students, enrolments and sales.',
    words: 'teachable',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'TEACHABLE_API_KEY',
  }),
]
