import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Tally: its key, from the provider's published format. */
export const TALLY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'tally-api-key',
    provider: 'Tally',
    description: 'A Tally API key (tly-): reads the workspace\'s forms and every submission to them.',
    keywords: ['tly-'],
    body: 'tly-[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => `tly-${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`tly-${randomKey(ALNUM, 12)}`],
  }),
]
