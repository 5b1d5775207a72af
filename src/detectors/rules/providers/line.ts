import {BASE64, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** LINE: its keys, from the provider's published format. */
export const LINE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'line-channel-access-token',
    provider: 'LINE',
    description: 'A LINE Messaging API channel access token: sends messages to every user of the official account.',
    words: 'line[_.-]?(?:channel|bot|messaging)',
    keywords: ['line_channel', 'line-channel', 'linechannel', 'line.channel', 'line_bot', 'line-bot', 'linebot', 'line.bot', 'line_messaging', 'line-messaging', 'linemessaging', 'line.messaging'],
    value: '[A-Za-z0-9+/]{160,180}=?',
    entropy: 4,
    fake: () => randomKey(BASE64, 172),
    exampleName: 'LINE_CHANNEL_ACCESS_TOKEN',
  }),
  keyedRule({
    id: 'line-channel-secret',
    provider: 'LINE',
    description: 'A LINE channel secret: verifies webhooks and issues access tokens for the channel.',
    words: 'line[_.-]?(?:channel|bot|messaging)',
    keywords: ['line_channel', 'line-channel', 'linechannel', 'line.channel', 'line_bot', 'line-bot', 'linebot', 'line.bot', 'line_messaging', 'line-messaging', 'linemessaging', 'line.messaging'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'LINE_CHANNEL_SECRET',
  }),
]
