import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Defined Networking: its key, from the provider's published format. */
export const DEFINED_NETWORKING_RULES: readonly Rule[] = [
  tokenRule({
    id: 'defined-networking-api-token',
    provider: 'Defined Networking',
    description: 'A Defined Networking API key: manages the Nebula overlay network\'s hosts and certificates.',
    keywords: ['dnkey-'],
    body: 'dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}',
    entropy: 3,
    fake: () => `dnkey-${randomKey(LOWER_ALNUM, 26)}-${randomKey(LOWER_ALNUM, 52)}`,
    nonMatches: () => [`dnkey-${randomKey(LOWER_ALNUM, 26)}`],
  }),
]
