import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** ZeptoMail: its key, from the provider's published format. */
export const ZEPTOMAIL_RULES: readonly Rule[] = [
  tokenRule({
    id: 'zeptomail-send-token',
    provider: 'ZeptoMail',
    description: 'A ZeptoMail send mail token (Zoho-enczapikey): sends transactional e-mail from the agent\'s domains.',
    keywords: ['Zoho-enczapikey'],
    body: 'Zoho-enczapikey (?<secret>[A-Za-z0-9+/=]{60,})',
    before: '',
    after: '',
    entropy: 3,
    fake: () => randomKey(BASE64, 120),
    wrap: [(secret) => `Authorization: Zoho-enczapikey ${secret}`],
    nonMatches: () => ['Authorization: Zoho-enczapikey <send mail token>'],
  }),
]
