import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** MailerSend: its key, from the provider's published format. */
export const MAILERSEND_RULES: readonly Rule[] = [
  tokenRule({
    id: 'mailersend-api-token',
    provider: 'MailerSend',
    description: 'A MailerSend API token (mlsn.): sends e-mail and SMS from the account\'s domains.',
    keywords: ['mlsn.'],
    body: 'mlsn\\.[a-f0-9]{64}',
    entropy: 3,
    fake: () => `mlsn.${randomKey(HEX, 64)}`,
    nonMatches: () => [`mlsn.${randomKey(HEX, 32)}`],
  }),
]
