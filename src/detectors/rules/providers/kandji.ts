import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Kandji: its key, from the provider's published format. */
export const KANDJI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'kandji-api-token',
    provider: 'Kandji',
    description: 'A Kandji API token: manages and wipes the organisation\'s Apple devices.',
    words: 'kandji',
    value: UUID,
    entropy: 3,
    severity: 'critical',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'KANDJI_API_TOKEN',
  }),
]
