import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UPPER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Pinterest: its key, from the provider's published format. */
export const PINTEREST_RULES: readonly Rule[] = [
  tokenRule({
    id: 'pinterest-access-token',
    provider: 'Pinterest',
    description: 'A Pinterest access token (pina_): reads and changes the account\'s boards, pins and ads.',
    keywords: ['pina_'],
    body: 'pina_[A-Z0-9]{32,}[A-Za-z0-9]{40,100}',
    entropy: 3,
    fake: () => `pina_${randomKey(UPPER_ALNUM, 40)}${randomKey(ALNUM, 60)}`,
    nonMatches: () => [`pina_${randomKey(UPPER_ALNUM, 20)}`],
  }),
]
