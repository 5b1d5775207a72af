import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** hCaptcha: its key, from the provider's published format. */
export const HCAPTCHA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'hcaptcha-secret-key',
    provider: 'hCaptcha',
    description: 'An hCaptcha secret key: verifies challenge answers for the account\'s sites.',
    words: 'hcaptcha',
    value: '0x[a-fA-F0-9]{40}|ES_[a-f0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => `0x${randomKey(HEX, 40)}`,
    secretNameOnly: true,
    exampleName: 'HCAPTCHA_SECRET_KEY',
  }),
]
