import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Bitbucket: its keys, from the provider's published format. */
export const BITBUCKET_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bitbucket-client-id',
    provider: 'Bitbucket',
    description: 'A Bitbucket OAuth consumer key: identifies an app; the secret usually sits beside it.',
    words: 'bitbucket',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'BITBUCKET_CLIENT_ID',
  }),
  keyedRule({
    id: 'bitbucket-client-secret',
    provider: 'Bitbucket',
    description: 'A Bitbucket OAuth consumer secret: lets anyone act as the app towards Bitbucket.',
    words: 'bitbucket',
    value: '[A-Za-z0-9=_-]{64}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'BITBUCKET_CLIENT_SECRET',
  }),
]
