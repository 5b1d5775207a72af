import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** ntfy: its key, from the provider's published format. */
export const NTFY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'ntfy-access-token',
    provider: 'ntfy',
    description: 'An ntfy access token (tk_): publishes to and reads the user\'s topics.',
    keywords: ['tk_'],
    body: 'tk_[a-z0-9]{29}',
    entropy: 3,
    severity: 'medium',
    fake: () => `tk_${randomKey(LOWER_ALNUM, 29)}`,
    nonMatches: () => [`tk_${randomKey(LOWER_ALNUM, 12)}`],
  }),
]
