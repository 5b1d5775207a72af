import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Xero: its key, from the provider's published format. */
export const XERO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'xero-client-secret',
    provider: 'Xero',
    description: 'A Xero app client secret: obtains tokens for connected organisations\' accounts and invoices.',
    words: 'xero',
    value: '[A-Za-z0-9_-]{48}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(BASE64URL, 48),
    secretNameOnly: true,
    exampleName: 'XERO_CLIENT_SECRET',
  }),
]
