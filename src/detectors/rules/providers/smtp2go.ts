import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** SMTP2GO: its key, from the provider's published format. */
export const SMTP2GO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'smtp2go-api-key',
    provider: 'SMTP2GO',
    description: 'An SMTP2GO API key (api-): sends e-mail from the account\'s domains.',
    words: 'smtp2go',
    value: 'api-[A-F0-9]{32}',
    entropy: 3,
    fake: () => `api-${randomKey(HEX, 32).toUpperCase()}`,
    exampleName: 'SMTP2GO_API_KEY',
  }),
]
