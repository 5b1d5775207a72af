import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Plivo: its keys, from the provider's published format. */
export const PLIVO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'plivo-auth-token',
    provider: 'Plivo',
    description: 'A Plivo auth token: with its auth id it sends SMS and places calls billed to the account.',
    words: 'plivo',
    value: '[A-Za-z0-9_-]{40}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 40),
    secretNameOnly: true,
    exampleName: 'PLIVO_AUTH_TOKEN',
  }),
  keyedRule({
    id: 'plivo-auth-id',
    provider: 'Plivo',
    description: 'A Plivo auth id (MA…/SA…): names the account whose auth token usually sits beside it.',
    words: 'plivo',
    value: '[MS]A[A-Z0-9]{18}',
    entropy: 3,
    severity: 'low',
    fake: () => `MA${randomKey(UPPER_ALNUM, 18)}`,
    exampleName: 'PLIVO_AUTH_ID',
  }),
]
