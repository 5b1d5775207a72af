import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Crates.io: its key, from the provider's published format. */
export const CRATES_IO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'crates-io-api-token',
    provider: 'Crates.io',
    description: 'A crates.io API token (cio…): publishes and yanks crates the user owns.',
    keywords: ['cio'],
    body: 'cio[A-Za-z0-9]{32}',
    entropy: 3.5,
    fake: () => `cio${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`cio${randomKey(ALNUM, 16)}`],
  }),
]
