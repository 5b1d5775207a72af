import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Socket: its key, from the provider's published format. */
export const SOCKET_DEV_RULES: readonly Rule[] = [
  tokenRule({
    id: 'socket-dev-api-key',
    provider: 'Socket',
    description: 'A Socket.dev API key (sktsec_): reads the organisation\'s dependency reports.',
    keywords: ['sktsec_'],
    body: 'sktsec_[A-Za-z0-9_]{40,64}',
    entropy: 3,
    fake: () => `sktsec_${randomKey(ALNUM, 48)}`,
    nonMatches: () => [`sktsec_${randomKey(ALNUM, 12)}`],
  }),
]
