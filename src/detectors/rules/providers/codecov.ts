import type {Rule} from '../../types.js'
import {LOWER_ALNUM, UUID, keyedRule, randomKey} from '../build.js'

/** Codecov: its key, from the provider's published format. */
export const CODECOV_RULES: readonly Rule[] = [
  keyedRule({
    id: 'codecov-access-token',
    provider: 'Codecov',
    description: 'A Codecov token: uploads coverage for, or reads, the account\'s repositories.',
    words: 'codecov',
    value: `[A-Za-z0-9]{32}|${UUID}`,
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 32),
    exampleName: 'CODECOV_TOKEN',
  }),
]
