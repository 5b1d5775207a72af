import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Aiven: its key, from the provider's published format. */
export const AIVEN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'aiven-api-token',
    provider: 'Aiven',
    description: 'An Aiven API token: creates, changes and deletes the account\'s managed databases.',
    words: 'aiven',
    value: '[A-Za-z0-9+/=]{300,400}',
    entropy: 4,
    severity: 'critical',
    fake: () => randomKey(BASE64, 372),
    exampleName: 'AIVEN_TOKEN',
  }),
]
