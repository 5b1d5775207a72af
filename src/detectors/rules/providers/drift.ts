import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Drift: its key, from the provider's published format. */
export const DRIFT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'drift-access-token',
    provider: 'Drift',
    description: 'A Drift OAuth access token: reads and sends the organisation\'s chat conversations.',
    words: 'drift',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'DRIFT_ACCESS_TOKEN',
  }),
]
