import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Vultr: its key, from the provider's published format. */
export const VULTR_RULES: readonly Rule[] = [
  keyedRule({
    id: 'vultr-api-key',
    provider: 'Vultr',
    description: 'A Vultr API key: creates, changes and deletes the account\'s servers.',
    words: 'vultr',
    value: '[A-Z0-9]{36}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(UPPER_ALNUM, 36),
    exampleName: 'VULTR_API_KEY',
  }),
]
