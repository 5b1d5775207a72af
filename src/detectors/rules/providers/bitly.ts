import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Bitly: its key, from the provider's published format. */
export const BITLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bitly-access-token',
    provider: 'Bitly',
    description: 'A Bitly access token: creates and changes the account\'s short links and reads their clicks.',
    words: 'bitly|bit[_.-]ly',
    keywords: ['bitly', 'bit_ly', 'bit-ly', 'bit.ly'],
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'BITLY_ACCESS_TOKEN',
  }),
]
