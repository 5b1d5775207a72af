import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Kustomer: its key, from the provider's published format. */
export const KUSTOMER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'kustomer-api-key',
    provider: 'Kustomer',
    description: 'A Kustomer API key: reads and changes the org\'s customers and conversations.',
    words: 'kustomer',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'KUSTOMER_API_KEY',
  }),
]
