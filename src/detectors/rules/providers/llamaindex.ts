import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** LlamaIndex: its key, from the provider's published format. */
export const LLAMAINDEX_RULES: readonly Rule[] = [
  tokenRule({
    id: 'llamaindex-cloud-api-key',
    provider: 'LlamaIndex',
    description: 'A LlamaCloud API key (llx-): parses documents and queries indexes billed to the account.',
    keywords: ['llx-'],
    body: 'llx-[A-Za-z0-9]{48}',
    entropy: 3,
    fake: () => `llx-${randomKey(ALNUM, 48)}`,
    nonMatches: () => [`llx-${randomKey(ALNUM, 20)}`],
  }),
]
