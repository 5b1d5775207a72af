import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Humanloop: its key, from the provider's published format. */
export const HUMANLOOP_RULES: readonly Rule[] = [
  tokenRule({
    id: 'humanloop-api-key',
    provider: 'Humanloop',
    description: 'A Humanloop API key (hl_sk_): reads and changes the organisation\'s prompts, datasets and logs.',
    keywords: ['hl_sk_'],
    body: 'hl_sk_[a-f0-9]{48}',
    entropy: 3,
    fake: () => `hl_sk_${randomKey(HEX, 48)}`,
    nonMatches: () => [`hl_sk_${randomKey(HEX, 20)}`],
  }),
]
