import {DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {UPPER_ALNUM, randomKey, tokenRule} from '../build.js'

/** ClickUp: its key, from the provider's published format. */
export const CLICKUP_RULES: readonly Rule[] = [
  tokenRule({
    id: 'clickup-personal-token',
    provider: 'ClickUp',
    description: 'A ClickUp personal API token (pk_…_): reads and changes every workspace its user belongs to.',
    keywords: ['pk_'],
    body: 'pk_[0-9]{6,10}_[A-Z0-9]{32}',
    entropy: 3,
    fake: () => `pk_${randomKey(DIGITS, 8)}_${randomKey(UPPER_ALNUM, 32)}`,
    nonMatches: () => [`pk_${randomKey(DIGITS, 8)}_${randomKey(UPPER_ALNUM, 16)}`],
  }),
]
