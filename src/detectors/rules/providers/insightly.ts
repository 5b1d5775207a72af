import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Insightly: its key, from the provider's published format. */
export const INSIGHTLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'insightly-api-key',
    provider: 'Insightly',
    description: 'An Insightly API key: reads and changes the CRM\'s contacts, leads and projects.',
    words: 'insightly',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'INSIGHTLY_API_KEY',
  }),
]
