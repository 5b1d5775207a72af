import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** MailerLite: its key, from the provider's published format. */
export const MAILERLITE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mailerlite-api-key',
    provider: 'MailerLite',
    description: 'A MailerLite API token: reads and changes the account\'s subscribers and campaigns.',
    words: 'mailer[_.-]?lite',
    keywords: ['mailerlite', 'mailer_lite', 'mailer-lite', 'mailer.lite'],
    value: 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}|[a-f0-9]{32}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 120)}.${randomKey(BASE64URL, 43)}`,
    exampleName: 'MAILERLITE_API_KEY',
  }),
]
