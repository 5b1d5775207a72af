import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Lichess: its key, from the provider's published format. */
export const LICHESS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'lichess-api-token',
    provider: 'Lichess',
    description: 'A Lichess API token (lip_): plays and changes settings as the user.',
    keywords: ['lip_'],
    body: 'lip_[A-Za-z0-9]{20}',
    entropy: 3,
    severity: 'medium',
    fake: () => `lip_${randomKey(ALNUM, 20)}`,
    nonMatches: () => [`lip_${randomKey(ALNUM, 10)}`],
  }),
]
