import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Cloudflare Turnstile: its key, from the provider's published format. */
export const CLOUDFLARE_TURNSTILE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'cloudflare-turnstile-secret-key',
    provider: 'Cloudflare Turnstile',
    description: 'A Cloudflare Turnstile secret key: verifies challenge answers for the widget\'s sites.',
    words: 'turnstile',
    value: '0x4[A-Za-z0-9_-]{31,40}',
    entropy: 3,
    severity: 'medium',
    fake: () => `0x4AAAAAAA${randomKey(BASE64URL, 24)}`,
    secretNameOnly: true,
    exampleName: 'TURNSTILE_SECRET_KEY',
  }),
]
