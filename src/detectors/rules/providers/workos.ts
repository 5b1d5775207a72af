import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** WorkOS: its key, from the provider's published format. */
export const WORKOS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'workos-api-key',
    provider: 'WorkOS',
    description: 'A WorkOS API key: reads and changes the environment\'s SSO connections, directories and users.',
    words: 'workos',
    value: 'sk_(?:test_|live_)?[A-Za-z0-9]{40,}',
    entropy: 3,
    severity: 'critical',
    fake: () => `sk_${randomKey(ALNUM, 60)}`,
    exampleName: 'WORKOS_API_KEY',
  }),
]
