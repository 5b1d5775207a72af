import type {Rule} from '../../types.js'
import {BASE64URL, DIGITS, randomFraction, randomString} from '../../../lib/random.js'
import {KEY_START, prefixRule} from '../build.js'

const botId = (): string => String(1 + Math.floor(randomFraction() * 9)) + randomString(DIGITS, 9)

export const TELEGRAM_RULES: readonly Rule[] = [
  prefixRule({
    id: 'telegram-bot-token',
    provider: 'Telegram',
    description: 'A Telegram bot token (`<bot id>:AA…`): full control of the bot and the chats it is in.',
    keywords: [':aa'],
    body: '\\d{8,10}:AA[A-Za-z0-9_-]{33}',
    // The Bot API puts the token in the path glued to `bot`: https://api.telegram.org/bot<token>/getMe.
    start: `(?:${KEY_START}|(?<=/bot))`,
    entropy: 3.5,
    severity: 'high',
    envName: 'TELEGRAM_BOT_TOKEN',
    fake: () => `${botId()}:AA${randomString(BASE64URL, 33)}`,
    moreMatches: () => [
      `curl -s "https://api.telegram.org/bot${botId()}:AA${randomString(BASE64URL, 33)}/sendMessage?chat_id=42&text=done"`,
      `WEBHOOK_SETUP=https://api.telegram.org/bot${botId()}:AA${randomString(BASE64URL, 33)}/setWebhook`,
    ],
    nonMatches: () => [
      `TELEGRAM_BOT_TOKEN=123:AA${randomString(BASE64URL, 33)}`,
      `TELEGRAM_BOT_TOKEN=${botId()}:AA${randomString(BASE64URL, 20)}`,
      // Glued to a word other than the Bot API's `/bot`, the digits are the tail of something longer.
      `build=robot${botId()}:AA${randomString(BASE64URL, 33)}`,
    ],
  }),
]
