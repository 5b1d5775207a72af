import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Moralis: its key, from the provider's published format. */
export const MORALIS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'moralis-api-key',
    provider: 'Moralis',
    description: 'A Moralis API key: calls Web3 data on the account\'s compute units.',
    words: 'moralis',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'MORALIS_API_KEY',
  }),
]
