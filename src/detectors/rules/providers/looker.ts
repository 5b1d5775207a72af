import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Looker: its keys, from the provider's published format. */
export const LOOKER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'looker-client-id',
    provider: 'Looker',
    description: 'A Looker API client ID: identifies an API3 key pair; the secret usually sits beside it.',
    words: 'looker',
    value: '[A-Za-z0-9]{20}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(ALNUM, 20),
    exampleName: 'LOOKER_CLIENT_ID',
  }),
  keyedRule({
    id: 'looker-client-secret',
    provider: 'Looker',
    description: 'A Looker API client secret: queries the instance\'s data as the key\'s user.',
    words: 'looker',
    value: '[A-Za-z0-9]{24}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 24),
    exampleName: 'LOOKER_CLIENT_SECRET',
  }),
]
