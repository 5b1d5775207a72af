import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** RubyGems: its key, from the provider's published format. */
export const RUBYGEMS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'rubygems-api-token',
    provider: 'RubyGems',
    description: 'A RubyGems API key: pushes and yanks versions of the owner\'s gems.',
    keywords: ['rubygems_'],
    body: 'rubygems_[a-f0-9]{48}',
    entropy: 3,
    severity: 'critical',
    fake: () => `rubygems_${randomKey(HEX, 48)}`,
    nonMatches: () => [`rubygems_${randomKey(HEX, 20)}`],
  }),
]
