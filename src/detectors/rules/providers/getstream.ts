import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Stream: its key, from the provider's published format. */
export const GETSTREAM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'getstream-api-secret',
    provider: 'Stream',
    description: 'A Stream (GetStream) API secret: signs user tokens and reads every chat and feed of the app.',
    words: 'getstream|stream[_.-]?(?:chat|feeds|video)',
    keywords: ['getstream', 'stream_chat', 'stream-chat', 'streamchat', 'stream.chat', 'stream_feeds', 'stream-feeds', 'streamfeeds', 'stream_video', 'stream-video', 'streamvideo'],
    value: '[a-z0-9]{64}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 64),
    secretNameOnly: true,
    exampleName: 'STREAM_CHAT_API_SECRET',
  }),
]
