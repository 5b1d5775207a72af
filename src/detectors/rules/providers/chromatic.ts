import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Chromatic: its key, from the provider's published format. */
export const CHROMATIC_RULES: readonly Rule[] = [
  tokenRule({
    id: 'chromatic-project-token',
    provider: 'Chromatic',
    description: 'A Chromatic project token (chpt_): publishes Storybook builds and snapshots to the project.',
    keywords: ['chpt_'],
    body: 'chpt_[a-f0-9]{14}',
    entropy: 3,
    severity: 'medium',
    fake: () => `chpt_${randomKey(HEX, 14)}`,
    nonMatches: () => [`chpt_${randomKey(HEX, 8)}`],
  }),
]
