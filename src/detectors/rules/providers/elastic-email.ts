import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Elastic Email: its key, from the provider's published format. */
export const ELASTIC_EMAIL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'elastic-email-api-key',
    provider: 'Elastic Email',
    description: 'An Elastic Email API key: sends e-mail and reads contacts as the account.',
    words: 'elastic[_.-]?email',
    keywords: ['elasticemail', 'elastic_email', 'elastic-email', 'elastic.email'],
    value: '[A-F0-9]{96}',
    entropy: 3,
    fake: () => randomKey(HEX, 96).toUpperCase(),
    exampleName: 'ELASTICEMAIL_API_KEY',
  }),
]
