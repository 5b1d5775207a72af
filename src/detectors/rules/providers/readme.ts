import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** ReadMe: its key, from the provider's published format. */
export const README_RULES: readonly Rule[] = [
  tokenRule({
    id: 'readme-api-token',
    provider: 'ReadMe',
    description: 'A ReadMe API key: rewrites the project\'s developer documentation.',
    keywords: ['rdme_'],
    body: 'rdme_[A-Za-z0-9]{70}',
    entropy: 3,
    severity: 'medium',
    fake: () => `rdme_${randomKey(LOWER_ALNUM, 70)}`,
    nonMatches: () => [`rdme_${randomKey(LOWER_ALNUM, 30)}`],
  }),
]
