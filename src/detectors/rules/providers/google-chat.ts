import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Google Chat: its key, from the provider's published format. */
export const GOOGLE_CHAT_RULES: readonly Rule[] = [
  tokenRule({
    id: 'google-chat-webhook-url',
    provider: 'Google Chat',
    description: 'A Google Chat incoming-webhook URL: anyone holding it can post into the space.',
    keywords: ['chat.googleapis.com'],
    body: 'https://chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{11}/messages\\?key=[A-Za-z0-9_-]{39}&token=(?<secret>[A-Za-z0-9_%=-]{43,})',
    before: '',
    after: '',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(BASE64URL, 43),
    wrap: [(token) => `WEBHOOK=https://chat.googleapis.com/v1/spaces/${randomKey(BASE64URL, 11)}/messages?key=AIza${randomKey(BASE64URL, 35)}&token=${token}`],
    nonMatches: () => [`https://chat.googleapis.com/v1/spaces/${randomKey(BASE64URL, 11)}/messages`],
  }),
]
