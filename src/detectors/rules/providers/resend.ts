import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Resend: its key, from the provider's published format. */
export const RESEND_RULES: readonly Rule[] = [
  tokenRule({
    id: 'resend-api-key',
    provider: 'Resend',
    description: 'A Resend API key (re_): sends e-mail from the account\'s verified domains.',
    keywords: ['re_'],
    body: 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}',
    entropy: 3,
    fake: () => `re_${randomKey(ALNUM, 8)}_${randomKey(ALNUM, 24)}`,
    nonMatches: () => [`re_${randomKey(ALNUM, 8)}`, `re_${randomKey(ALNUM, 8)}_${randomKey(ALNUM, 12)}`],
  }),
]
