import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Mailjet: its key, from the provider's published format. */
export const MAILJET_RULES: readonly Rule[] = [
  keyedRule({
    id: 'mailjet-api-secret',
    provider: 'Mailjet',
    description: 'A Mailjet API key or secret: sends e-mail and SMS and reads contacts as the account.',
    words: 'mailjet|mj[_.-]apikey',
    keywords: ['mailjet', 'mj_apikey', 'mj-apikey', 'mj.apikey'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'MAILJET_API_SECRET',
  }),
]
