import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Xata: its key, from the provider's published format. */
export const XATA_RULES: readonly Rule[] = [
  tokenRule({
    id: 'xata-api-key',
    provider: 'Xata',
    description: 'A Xata API key (xau_): reads and writes the workspace\'s databases.',
    keywords: ['xau_'],
    body: 'xau_[A-Za-z0-9]{32,40}',
    entropy: 3,
    fake: () => `xau_${randomKey(ALNUM, 36)}`,
    nonMatches: () => [`xau_${randomKey(ALNUM, 16)}`],
  }),
]
