import {DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Zapier: its key, from the provider's published format. */
export const ZAPIER_RULES: readonly Rule[] = [
  tokenRule({
    id: 'zapier-webhook-url',
    provider: 'Zapier',
    description: 'A Zapier catch-hook URL: anyone holding it can trigger the Zap and feed it data.',
    keywords: ['hooks.zapier.com'],
    body: 'https://hooks\\.zapier\\.com/hooks/catch/[0-9]{5,10}/[a-z0-9]{6,8}/?',
    before: '',
    after: 'A-Za-z0-9',
    entropy: 3,
    severity: 'medium',
    fake: () => `https://hooks.zapier.com/hooks/catch/${randomKey(DIGITS, 8)}/${randomKey(LOWER_ALNUM, 7)}/`,
    nonMatches: () => ['https://hooks.zapier.com/hooks/catch/', `https://zapier.com/hooks/catch/${randomKey(DIGITS, 8)}/${randomKey(LOWER_ALNUM, 7)}/`],
  }),
]
