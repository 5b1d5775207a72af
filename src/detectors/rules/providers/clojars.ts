import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Clojars: its key, from the provider's published format. */
export const CLOJARS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'clojars-api-token',
    provider: 'Clojars',
    description: 'A Clojars deploy token: publishes artifacts under the account\'s groups.',
    keywords: ['clojars_'],
    body: 'CLOJARS_[a-z0-9]{60}',
    flags: 'i',
    entropy: 3,
    fake: () => `CLOJARS_${randomKey(LOWER_ALNUM, 60)}`,
    nonMatches: () => [`CLOJARS_${randomKey(LOWER_ALNUM, 30)}`],
  }),
]
