import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Smartling: its key, from the provider's published format. */
export const SMARTLING_RULES: readonly Rule[] = [
  keyedRule({
    id: 'smartling-user-secret',
    provider: 'Smartling',
    description: 'A Smartling API user secret: reads and changes the account\'s translation projects.',
    words: 'smartling',
    value: '[A-Za-z0-9_.~-]{50,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 56),
    secretNameOnly: true,
    exampleName: 'SMARTLING_USER_SECRET',
  }),
]
