import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Mailchimp: its key, from the provider's published format. */
export const MAILCHIMP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    description: 'A Mailchimp API key: reads the audience and sends campaigns as the account.',
    words: 'mailchimp|mandrill',
    keywords: ['mailchimp', 'mandrill'],
    value: '[a-fA-F0-9]{32}-us[0-9]{1,2}',
    entropy: 3,
    fake: () => `${randomKey(HEX, 32)}-us${randomKey('123456789', 2)}`,
    exampleName: 'MAILCHIMP_API_KEY',
  }),
]
