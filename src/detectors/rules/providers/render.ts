import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Render: its key, from the provider's published format. */
export const RENDER_RULES: readonly Rule[] = [
  tokenRule({
    id: 'render-api-key',
    provider: 'Render',
    description: 'A Render API key (rnd_): deploys, changes and deletes the workspace\'s services and databases.',
    keywords: ['rnd_'],
    body: 'rnd_[A-Za-z0-9]{24,40}',
    entropy: 3,
    fake: () => `rnd_${randomKey(ALNUM, 28)}`,
    nonMatches: () => [`rnd_${randomKey(ALNUM, 12)}`],
  }),
]
