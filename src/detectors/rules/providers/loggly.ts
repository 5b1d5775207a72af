import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Loggly: its key, from the provider's published format. */
export const LOGGLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'loggly-customer-token',
    provider: 'Loggly',
    description: 'A Loggly customer token: sends logs into the account.',
    words: 'loggly',
    value: UUID,
    entropy: 3,
    severity: 'medium',
    fake: randomUuid,
    exampleName: 'LOGGLY_TOKEN',
  }),
]
