import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Brevo (Sendinblue): its key, from the provider's published format. */
export const BREVO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'sendinblue-api-token',
    provider: 'Brevo (Sendinblue)',
    description: 'A Brevo (Sendinblue) API key: sends e-mail and SMS and reads contacts as the account.',
    keywords: ['xkeysib-', 'xsmtpsib-'],
    body: 'x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}',
    entropy: 3,
    fake: () => `xkeysib-${randomKey(HEX, 64)}-${randomKey(ALNUM, 16)}`,
    nonMatches: () => [`xkeysib-${randomKey(HEX, 64)}`],
  }),
]
