import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Pinata: its key, from the provider's published format. */
export const PINATA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pinata-jwt',
    provider: 'Pinata',
    description: 'A Pinata API JWT: pins and deletes files in the account\'s IPFS storage.',
    words: 'pinata',
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'PINATA_JWT',
  }),
]
