import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Statsig: its key, from the provider's published format. */
export const STATSIG_RULES: readonly Rule[] = [
  tokenRule({
    id: 'statsig-server-secret',
    provider: 'Statsig',
    description: 'A Statsig server secret key (secret-): reads and changes the project\'s gates and experiments.',
    keywords: ['secret-'],
    body: 'secret-[A-Za-z0-9]{43}',
    entropy: 3,
    fake: () => `secret-${randomKey(ALNUM, 43)}`,
    nonMatches: () => [`secret-${randomKey(ALNUM, 20)}`, `client-${randomKey(ALNUM, 43)}`],
  }),
]
