import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Telnyx: its key, from the provider's published format. */
export const TELNYX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'telnyx-api-key',
    provider: 'Telnyx',
    description: 'A Telnyx API v2 key (KEY…): sends messages and places calls billed to the account.',
    words: 'telnyx',
    value: 'KEY[0-9A-F]{32}_[A-Za-z0-9]{22}',
    entropy: 3,
    fake: () => `KEY${randomKey(HEX, 32).toUpperCase()}_${randomKey(ALNUM, 22)}`,
    exampleName: 'TELNYX_API_KEY',
    nearMisses: () => [`TELNYX_API_KEY=KEY${randomKey(HEX, 32).toUpperCase()}`],
  }),
]
