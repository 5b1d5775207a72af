import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Constant Contact: its key, from the provider's published format. */
export const CONSTANT_CONTACT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'constant-contact-client-secret',
    provider: 'Constant Contact',
    description: 'A Constant Contact app client secret: obtains tokens for the account\'s contacts and campaigns.',
    words: 'constant[_.-]?contact|ctct',
    keywords: ['constantcontact', 'constant_contact', 'constant-contact', 'constant.contact', 'ctct'],
    value: '[A-Za-z0-9_-]{22,43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 22),
    secretNameOnly: true,
    exampleName: 'CONSTANT_CONTACT_CLIENT_SECRET',
  }),
]
