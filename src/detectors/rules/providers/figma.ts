import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Figma: its key, from the provider's published format. */
export const FIGMA_RULES: readonly Rule[] = [
  tokenRule({
    id: 'figma-personal-access-token',
    provider: 'Figma',
    description: 'A Figma personal access token (figd_): reads the user\'s files, comments and team projects.',
    keywords: ['figd_'],
    body: 'figd_[A-Za-z0-9_-]{40}',
    entropy: 3,
    fake: () => `figd_${randomKey(BASE64URL, 40)}`,
    nonMatches: () => [`figd_${randomKey(BASE64URL, 20)}`],
  }),
]
