import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** LinkedIn: its keys, from the provider's published format. */
export const LINKEDIN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'linkedin-client-id',
    provider: 'LinkedIn',
    description: 'A LinkedIn app client ID: identifies the app; the secret usually sits beside it.',
    words: 'linked[_.-]?in',
    keywords: ['linkedin', 'linked_in', 'linked-in'],
    value: '[A-Za-z0-9]{14}',
    entropy: 2.5,
    severity: 'low',
    fake: () => randomKey(LOWER_ALNUM, 14),
    exampleName: 'LINKEDIN_CLIENT_ID',
  }),
  keyedRule({
    id: 'linkedin-client-secret',
    provider: 'LinkedIn',
    description: 'A LinkedIn app client secret: obtains member tokens as the app.',
    words: 'linked[_.-]?in',
    keywords: ['linkedin', 'linked_in', 'linked-in'],
    value: '[A-Za-z0-9]{16}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 16),
    exampleName: 'LINKEDIN_CLIENT_SECRET',
  }),
]
