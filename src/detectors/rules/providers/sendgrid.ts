import type {Rule} from '../../types.js'
import {BASE64URL, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const SENDGRID_RULES: readonly Rule[] = [
  prefixRule({
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    description: 'A SendGrid API key (`SG.`): sends e-mail as the account’s verified senders, a phishing vector.',
    keywords: ['sg.'],
    body: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
    entropy: 4.0,
    severity: 'high',
    envName: 'SENDGRID_API_KEY',
    fake: () => `SG.${randomString(BASE64URL, 22)}.${randomString(BASE64URL, 43)}`,
    nonMatches: () => [
      `SENDGRID_API_KEY=SG.${randomString(BASE64URL, 22)}`,
      'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SENDGRID_API_KEY=SG.your-api-key',
    ],
  }),
]
