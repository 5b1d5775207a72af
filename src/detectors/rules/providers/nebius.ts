import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Nebius AI Studio: its key, from the provider's published format. */
export const NEBIUS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'nebius-api-key',
    provider: 'Nebius AI Studio',
    description: 'A Nebius AI Studio API key: runs model calls billed to the account.',
    words: 'nebius',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'NEBIUS_API_KEY',
  }),
]
