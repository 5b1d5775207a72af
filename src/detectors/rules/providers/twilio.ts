import type {Rule} from '../../types.js'
import {HEX, randomString} from '../../../lib/random.js'
import {nameRule, prefixRule} from '../build.js'

export const TWILIO_RULES: readonly Rule[] = [
  prefixRule({
    id: 'twilio-api-key',
    provider: 'Twilio',
    description: 'A Twilio API key sid (`SK…`): with its secret it sends messages and calls on the account.',
    // `SK` then a hex digit: sixteen three-letter keywords keep `ask`, `task` and `skip` out of the pre-filter.
    keywords: [...'0123456789abcdef'].map((digit) => `sk${digit}`),
    body: 'SK[0-9a-f]{32}',
    entropy: 2.7,
    severity: 'high',
    envName: 'TWILIO_API_KEY',
    fake: () => `SK${randomString(HEX, 32)}`,
    nonMatches: () => [
      // The account sid is an identifier, not a secret.
      `TWILIO_ACCOUNT_SID=AC${randomString(HEX, 32)}`,
      `TWILIO_API_KEY=SK${randomString(HEX, 30)}`,
      'TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      `TWILIO_API_KEY=sk${randomString(HEX, 32)}`,
    ],
  }),
  nameRule({
    id: 'twilio-auth-token',
    provider: 'Twilio',
    description: 'A Twilio auth token or API key secret: full access to the account’s messaging, voice and billing.',
    keywords: ['twilio'],
    names: /(?:^|_)twilio(?:_[a-z0-9]+)*_(?:auth_token|token|api_secret|secret|key_secret)$/,
    body: '[a-f0-9]{32}|[A-Za-z0-9]{32}',
    entropy: 2.7,
    severity: 'critical',
    envName: 'TWILIO_AUTH_TOKEN',
    fake: () => randomString(HEX, 32),
    nonMatches: () => [
      `TWILIO_ACCOUNT_SID=AC${randomString(HEX, 32)}`,
      `TWILIO_AUTH_TOKEN=${randomString(HEX, 16)}`,
      'TWILIO_AUTH_TOKEN=your_auth_token',
      'TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}',
    ],
  }),
]
