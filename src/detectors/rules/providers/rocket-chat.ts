import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Rocket.Chat: its key, from the provider's published format. */
export const ROCKET_CHAT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'rocket-chat-auth-token',
    provider: 'Rocket.Chat',
    description: 'A Rocket.Chat personal access token: reads and sends messages as its user.',
    words: 'rocket[_.-]?chat',
    keywords: ['rocketchat', 'rocket_chat', 'rocket-chat', 'rocket.chat'],
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'ROCKETCHAT_AUTH_TOKEN',
  }),
]
