import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Perigon: its key, from the provider's published format. */
export const PERIGON_RULES: readonly Rule[] = [
  keyedRule({
    id: 'perigon-api-key',
    provider: 'Perigon',
    description: 'A Perigon news API key: runs news searches on the account\'s plan.',
    words: 'perigon',
    value: UUID,
    entropy: 3,
    severity: 'low',
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'PERIGON_API_KEY',
  }),
]
