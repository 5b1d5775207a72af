import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Civo: its key, from the provider's published format. */
export const CIVO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'civo-api-key',
    provider: 'Civo',
    description: 'A Civo API key: creates, changes and deletes the account\'s Kubernetes clusters and servers.',
    words: 'civo',
    value: '[A-Za-z0-9]{50}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 50),
    exampleName: 'CIVO_TOKEN',
  }),
]
