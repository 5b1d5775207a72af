import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** NuGet: its key, from the provider's published format. */
export const NUGET_RULES: readonly Rule[] = [
  tokenRule({
    id: 'nuget-api-key',
    provider: 'NuGet',
    description: 'A NuGet.org API key (oy2…): pushes packages under the owner\'s name.',
    keywords: ['oy2'],
    body: 'oy2[a-z0-9]{43}',
    entropy: 3,
    fake: () => `oy2${randomKey(LOWER_ALNUM, 43)}`,
    nonMatches: () => [`oy2${randomKey(LOWER_ALNUM, 20)}`],
  }),
]
