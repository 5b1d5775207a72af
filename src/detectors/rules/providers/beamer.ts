import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Beamer: its key, from the provider's published format. */
export const BEAMER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'beamer-api-token',
    provider: 'Beamer',
    description: 'A Beamer API key: manages the account\'s announcements and feedback.',
    words: 'beamer',
    value: 'b_[A-Za-z0-9=_-]{44}',
    entropy: 3,
    fake: () => `b_${randomKey(ALNUM, 44)}`,
    exampleName: 'BEAMER_API_KEY',
  }),
]
