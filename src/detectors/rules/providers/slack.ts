import type {ProviderService, Rule} from '../../types.js'
import {ALNUM, DIGITS, HEX, UPPER, randomFraction, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

const id = (length: number): string => String(1 + Math.floor(randomFraction() * 9)) + randomString(DIGITS, length - 1)
const UPPER_ALNUM = UPPER + DIGITS

export const SLACK_RULES: readonly Rule[] = [
  prefixRule({
    id: 'slack-app-token',
    provider: 'Slack',
    description: 'A Slack app-level token (`xapp-`): opens Socket Mode connections that receive the workspace’s events.',
    keywords: ['xapp-'],
    body: 'xapp-\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{60,66}',
    entropy: 3.0,
    severity: 'high',
    envName: 'SLACK_APP_TOKEN',
    fake: () => `xapp-1-A${randomString(UPPER_ALNUM, 10)}-${id(13)}-${randomString(HEX, 64)}`,
    nonMatches: () => ['SLACK_APP_TOKEN=xapp-1-xxxxxxxx', `SLACK_APP_TOKEN=xapp-1-A${randomString(UPPER_ALNUM, 10)}-${id(13)}-${randomString(HEX, 20)}`],
  }),
  prefixRule({
    id: 'slack-bot-token',
    provider: 'Slack',
    description: 'A Slack bot token (`xoxb-`): reads and posts in every channel the bot is in.',
    keywords: ['xoxb-'],
    body: 'xoxb-\\d{8,14}-(?:\\d{8,14}-)?[A-Za-z0-9]{18,34}',
    entropy: 3.0,
    severity: 'high',
    envName: 'SLACK_BOT_TOKEN',
    fake: () => `xoxb-${id(12)}-${id(13)}-${randomString(ALNUM, 24)}`,
    nonMatches: () => [
      'SLACK_BOT_TOKEN=xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx',
      `SLACK_BOT_TOKEN=xoxb-${id(5)}-${randomString(ALNUM, 7)}`,
      'SLACK_BOT_TOKEN=xoxb-your-bot-token',
      `SLACK_BOT_TOKEN=xoxq-${id(12)}-${id(13)}-${randomString(ALNUM, 24)}`,
    ],
  }),
  prefixRule({
    id: 'slack-config-token',
    provider: 'Slack',
    description: 'A Slack app configuration access or refresh token (`xoxe`): creates and changes the workspace’s apps.',
    keywords: ['xoxe.xox', 'xoxe-'],
    body: '(?:xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{140,200}|xoxe-\\d-[A-Za-z0-9]{140,200})',
    entropy: 3.5,
    severity: 'high',
    envName: 'SLACK_CONFIG_TOKEN',
    fake: () => `xoxe.xoxp-1-${randomString(ALNUM, 160)}`,
    nonMatches: () => ['SLACK_CONFIG_TOKEN=xoxe.xoxp-1-' + 'RandomStringHere', 'SLACK_CONFIG_TOKEN=xoxe-1-xxx'],
  }),
  prefixRule({
    id: 'slack-legacy-token',
    provider: 'Slack',
    description: 'A legacy Slack workspace, session or refresh token (`xoxa`, `xoxo`, `xoxr`, `xoxs`): broad access to the workspace.',
    keywords: ['xoxa-', 'xoxo-', 'xoxr-', 'xoxs-'],
    body: 'xox[aors]-\\d{1,14}(?:-\\d{6,14}){1,3}-[A-Za-z0-9]{8,64}',
    entropy: 3.0,
    severity: 'high',
    envName: 'SLACK_TOKEN',
    fake: () => `xoxs-${id(12)}-${id(9)}-${id(10)}-${randomString(HEX, 10)}`,
    nonMatches: () => ['https://example.org/images/2018-250-xoxo-party-1.jpg', `SLACK_TOKEN=xoxs-${id(5)}`],
  }),
  prefixRule({
    id: 'slack-user-token',
    provider: 'Slack',
    description: 'A Slack user token (`xoxp-`): acts as the person, including their private channels and direct messages.',
    keywords: ['xoxp-'],
    body: 'xoxp-\\d{8,14}(?:-\\d{8,14}){1,2}-[A-Za-z0-9]{28,34}',
    entropy: 3.0,
    severity: 'critical',
    envName: 'SLACK_USER_TOKEN',
    fake: () => `xoxp-${id(11)}-${id(10)}-${id(11)}-${randomString(HEX, 32)}`,
    nonMatches: () => ['"token1": "xoxp-1234567890"', 'SLACK_USER_TOKEN=xoxp-xxxxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
  prefixRule({
    id: 'slack-webhook-url',
    provider: 'Slack',
    description: 'A Slack incoming-webhook or workflow URL: anyone holding it can post into the channel it targets.',
    keywords: ['hooks.slack.com'],
    body: '(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/(?:T[A-Z0-9]{6,12}/[A-Z0-9]{6,12}/(?:\\d{6,20}/)?[A-Za-z0-9]{20,32}|[A-Za-z0-9+/]{43,56})',
    severity: 'medium',
    envName: 'SLACK_WEBHOOK_URL',
    fake: () => `https://hooks.slack.com/services/T${randomString(UPPER_ALNUM, 8)}/B${randomString(UPPER_ALNUM, 10)}/${randomString(ALNUM, 24)}`,
    nonMatches: () => [
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/',
      `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${randomString(UPPER_ALNUM, 8)}`,
    ],
  }),
]

/** The broker's built-in service for Slack keys: its public API and the way its SDKs send the key. */
export const SLACK_SERVICE: ProviderService = {
  preset: {name: 'slack', upstream: 'https://slack.com/api', auth: {kind: 'header', header: 'authorization', template: 'Bearer {secret}'}, baseUrlEnv: ['SLACK_API_URL'], baseUrlSuffix: '', hosts: ['slack.com']},
}
