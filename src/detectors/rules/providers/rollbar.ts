import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Rollbar: its key, from the provider's published format. */
export const ROLLBAR_RULES: readonly Rule[] = [
  keyedRule({
    id: 'rollbar-access-token',
    provider: 'Rollbar',
    description: 'A Rollbar access token: posts, reads or changes the project\'s error items by its scope.',
    words: 'rollbar',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    exampleName: 'ROLLBAR_ACCESS_TOKEN',
  }),
]
