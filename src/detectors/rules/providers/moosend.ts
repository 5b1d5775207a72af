import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Moosend: its key, from the provider's published format. */
export const MOOSEND_RULES: readonly Rule[] = [
  keyedRule({
    id: 'moosend-api-key',
    provider: 'Moosend',
    description: 'A Moosend API key: reads and changes the account\'s lists and campaigns.',
    words: 'moosend',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'MOOSEND_API_KEY',
  }),
]
