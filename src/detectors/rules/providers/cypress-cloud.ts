import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Cypress Cloud: its key, from the provider's published format. */
export const CYPRESS_CLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'cypress-record-key',
    provider: 'Cypress Cloud',
    description: 'A Cypress Cloud record key: records runs, billed, into the project.',
    words: 'cypress',
    value: UUID,
    entropy: 3,
    severity: 'medium',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'CYPRESS_RECORD_KEY',
  }),
]
