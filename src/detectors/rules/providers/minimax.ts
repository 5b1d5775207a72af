import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** MiniMax: its key, from the provider's published format. */
export const MINIMAX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'minimax-api-key',
    provider: 'MiniMax',
    description: 'A MiniMax API key: runs text, speech and video model calls billed to the account.',
    words: 'minimax',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}|sk-api-[A-Za-z0-9_-]{40,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'MINIMAX_API_KEY',
  }),
]
