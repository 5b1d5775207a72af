import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Typeform: its key, from the provider's published format. */
export const TYPEFORM_RULES: readonly Rule[] = [
  tokenRule({
    id: 'typeform-api-token',
    provider: 'Typeform',
    description: 'A Typeform personal access token: reads the account\'s forms and their responses.',
    keywords: ['tfp_'],
    body: 'tfp_[A-Za-z0-9_.=-]{59}',
    entropy: 3,
    fake: () => `tfp_${randomKey(BASE64URL, 59)}`,
    nonMatches: () => [`tfp_${randomKey(BASE64URL, 30)}`],
  }),
]
