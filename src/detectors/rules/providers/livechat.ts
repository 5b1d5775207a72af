import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** LiveChat: its key, from the provider's published format. */
export const LIVECHAT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'livechat-pat',
    provider: 'LiveChat',
    description: 'A LiveChat personal access token: reads and answers the license\'s chats as its agent.',
    words: 'livechat|live[_.-]chat',
    keywords: ['livechat', 'live_chat', 'live-chat', 'live.chat'],
    value: '(?:dal|fra|us-south1|eu-west3):[A-Za-z0-9_-]{27,}',
    entropy: 3,
    fake: () => `dal:${randomKey(BASE64URL, 27)}`,
    exampleName: 'LIVECHAT_PAT',
  }),
]
