import type {Rule} from '../../types.js'
import {ALNUM, BASE64URL, DIGITS, randomString} from '../../../lib/random.js'
import {nameRule, prefixRule} from '../build.js'

const snowflake = (): string => '1' + randomString(DIGITS, 18)
const botToken = (): string => `${Buffer.from(snowflake()).toString('base64url')}.${randomString(BASE64URL, 6)}.${randomString(BASE64URL, 38)}`

export const DISCORD_RULES: readonly Rule[] = [
  nameRule({
    id: 'discord-bot-token',
    provider: 'Discord',
    description: 'A Discord bot token (base64 user id, timestamp, HMAC): full control of the bot on every server it joined.',
    keywords: ['discord', 'bot'],
    names: /(?:^|_)(?:discord(?:_[a-z0-9]+)*_(?:token|key|secret)|bot_token)$/,
    body: '[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}',
    entropy: 3.5,
    severity: 'high',
    envName: 'DISCORD_BOT_TOKEN',
    fake: botToken,
    nonMatches: () => [`DISCORD_CLIENT_ID=${snowflake()}`, `DISCORD_BOT_TOKEN=${randomString(BASE64URL, 20)}.${randomString(BASE64URL, 6)}`],
  }),
  nameRule({
    id: 'discord-client-secret',
    provider: 'Discord',
    description: 'A Discord OAuth2 client secret: lets anyone act as the application in OAuth flows.',
    keywords: ['discord'],
    names: /(?:^|_)discord(?:_[a-z0-9]+)*_(?:client_secret|secret)$/,
    body: '[A-Za-z0-9_-]{32}',
    entropy: 3.5,
    severity: 'high',
    envName: 'DISCORD_CLIENT_SECRET',
    fake: () => randomString(ALNUM, 32),
    nonMatches: () => ['discord_client_secret=00000000000000000000000000000000', `DISCORD_CLIENT_ID=${snowflake()}`],
  }),
  prefixRule({
    id: 'discord-webhook-url',
    provider: 'Discord',
    description: 'A Discord webhook URL: anyone holding it can post into the channel, as any name and avatar.',
    keywords: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'],
    body: 'https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[A-Za-z0-9_-]{60,70}',
    severity: 'medium',
    envName: 'DISCORD_WEBHOOK_URL',
    fake: () => `https://discord.com/api/webhooks/${snowflake()}/${randomString(BASE64URL, 68)}`,
    nonMatches: () => [`DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/${snowflake()}/`, 'DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/ID/TOKEN'],
  }),
]
