import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Smartsheet: its key, from the provider's published format. */
export const SMARTSHEET_RULES: readonly Rule[] = [
  keyedRule({
    id: 'smartsheet-access-token',
    provider: 'Smartsheet',
    description: 'A Smartsheet API access token: reads and changes every sheet its user can reach.',
    words: 'smartsheet',
    value: '[A-Za-z0-9]{26}|[A-Za-z0-9]{37}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 37),
    exampleName: 'SMARTSHEET_ACCESS_TOKEN',
  }),
]
