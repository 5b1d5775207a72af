import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Google reCAPTCHA: its key, from the provider's published format. */
export const GOOGLE_RECAPTCHA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'google-recaptcha-secret-key',
    provider: 'Google reCAPTCHA',
    description: 'A reCAPTCHA secret key: verifies challenge answers for the site, so a holder can pass its bot checks.',
    words: 'recaptcha',
    value: '6L[A-Za-z0-9_-]{38}',
    entropy: 3,
    severity: 'medium',
    fake: () => `6L${randomKey(BASE64URL, 38)}`,
    secretNameOnly: true,
    exampleName: 'RECAPTCHA_SECRET_KEY',
  }),
]
