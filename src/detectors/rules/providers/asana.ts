import {DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Asana: its keys, from the provider's published format. */
export const ASANA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'asana-client-id',
    provider: 'Asana',
    description: 'An Asana OAuth client ID: identifies an app; worth knowing where it is copied.',
    words: 'asana',
    value: '[0-9]{16}',
    entropy: 2,
    severity: 'low',
    fake: () => randomKey(DIGITS, 16),
    exampleName: 'ASANA_CLIENT_ID',
  }),
  keyedRule({
    id: 'asana-client-secret',
    provider: 'Asana',
    description: 'An Asana OAuth client secret: lets anyone act as the app towards Asana.',
    words: 'asana',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 32),
    exampleName: 'ASANA_CLIENT_SECRET',
  }),
]
