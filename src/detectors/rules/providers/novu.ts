import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Novu: its key, from the provider's published format. */
export const NOVU_RULES: readonly Rule[] = [
  keyedRule({
    id: 'novu-api-key',
    provider: 'Novu',
    description: 'A Novu API key: sends notifications to the environment\'s subscribers.',
    words: 'novu',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'NOVU_API_KEY',
  }),
]
