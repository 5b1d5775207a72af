import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Flagsmith: its key, from the provider's published format. */
export const FLAGSMITH_RULES: readonly Rule[] = [
  tokenRule({
    id: 'flagsmith-server-key',
    provider: 'Flagsmith',
    description: 'A Flagsmith server-side environment key (ser.): reads every flag and trait of the environment.',
    keywords: ['ser.'],
    body: 'ser\\.[A-Za-z0-9]{22}',
    entropy: 3,
    fake: () => `ser.${randomKey(ALNUM, 22)}`,
    nonMatches: () => [`ser.${randomKey(ALNUM, 10)}`],
  }),
]
