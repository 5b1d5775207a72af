import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** QuickBooks: its key, from the provider's published format. */
export const QUICKBOOKS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'quickbooks-client-secret',
    provider: 'QuickBooks',
    description: 'An Intuit QuickBooks app client secret: obtains tokens for connected companies\' books.',
    words: 'quickbooks|qbo|intuit',
    keywords: ['quickbooks', 'qbo', 'intuit'],
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 40),
    secretNameOnly: true,
    exampleName: 'QUICKBOOKS_CLIENT_SECRET',
  }),
]
