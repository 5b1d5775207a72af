import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Sender: its key, from the provider's published format. */
export const SENDER_NET_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sender-net-api-token',
    provider: 'Sender',
    description: 'A Sender.net API token: reads and changes the account\'s subscribers and campaigns.',
    words: 'sender[_.-]?net',
    keywords: ['sender_net', 'sender-net', 'sendernet', 'sender.net'],
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'SENDER_NET_API_TOKEN',
  }),
]
