import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Descope: its key, from the provider's published format. */
export const DESCOPE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'descope-management-key',
    provider: 'Descope',
    description: 'A Descope management key: manages the project\'s users, roles and tenants.',
    words: 'descope',
    value: 'K[A-Za-z0-9]{40,}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `K${randomKey(ALNUM, 64)}`,
    secretNameOnly: true,
    exampleName: 'DESCOPE_MANAGEMENT_KEY',
  }),
]
