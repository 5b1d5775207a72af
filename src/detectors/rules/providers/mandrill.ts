import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Mandrill: its key, from the provider's published format. */
export const MANDRILL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mandrill-api-key',
    provider: 'Mandrill',
    description: 'A Mandrill (Mailchimp Transactional) API key: sends e-mail from the account\'s domains.',
    words: 'mandrill',
    value: '(?:md-)?[A-Za-z0-9_-]{22}',
    entropy: 3,
    fake: () => `md-${randomKey(BASE64URL, 22)}`,
    exampleName: 'MANDRILL_API_KEY',
  }),
]
