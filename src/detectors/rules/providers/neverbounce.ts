import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** NeverBounce: its key, from the provider's published format. */
export const NEVERBOUNCE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'neverbounce-api-key',
    provider: 'NeverBounce',
    description: 'A NeverBounce API key: verifies e-mail lists on the account\'s credits.',
    words: 'never[_.-]?bounce',
    keywords: ['neverbounce', 'never_bounce', 'never-bounce', 'never.bounce'],
    value: 'secret_[a-f0-9]{32}|private_[a-f0-9]{32}',
    entropy: 3,
    fake: () => `secret_${randomKey(HEX, 32)}`,
    exampleName: 'NEVERBOUNCE_API_KEY',
  }),
]
