import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Cerebras: its key, from the provider's published format. */
export const CEREBRAS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'cerebras-api-key',
    provider: 'Cerebras',
    description: 'A Cerebras Inference API key (csk-): runs model calls billed to the account.',
    keywords: ['csk-'],
    body: 'csk-[a-z0-9]{48}',
    entropy: 3,
    fake: () => `csk-${randomKey(LOWER_ALNUM, 48)}`,
    nonMatches: () => [`csk-${randomKey(LOWER_ALNUM, 20)}`],
  }),
]
