import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Zuora: its key, from the provider's published format. */
export const ZUORA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zuora-client-secret',
    provider: 'Zuora',
    description: 'A Zuora OAuth client secret: reads and changes the tenant\'s subscriptions and billing.',
    words: 'zuora',
    value: '[A-Za-z0-9+/=]{30,}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(BASE64, 40),
    secretNameOnly: true,
    exampleName: 'ZUORA_CLIENT_SECRET',
  }),
]
