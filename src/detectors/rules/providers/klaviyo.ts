import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Klaviyo: its key, from the provider's published format. */
export const KLAVIYO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'klaviyo-private-key',
    provider: 'Klaviyo',
    description: 'A Klaviyo private API key (pk_): reads and changes the account\'s profiles, lists and campaigns.',
    keywords: ['pk_'],
    body: 'pk_[A-Za-z0-9]{34}',
    entropy: 3,
    fake: () => `pk_${randomKey(ALNUM, 34)}`,
    nonMatches: () => [`pk_${randomKey(ALNUM, 20)}`, `pk_live_${randomKey(ALNUM, 34)}`],
  }),
]
