import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Opsgenie: its key, from the provider's published format. */
export const OPSGENIE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'opsgenie-api-key',
    provider: 'Opsgenie',
    description: 'An Opsgenie API key: creates and closes the account\'s alerts and reads its schedules.',
    words: 'opsgenie|ops[_.-]genie',
    keywords: ['opsgenie', 'ops_genie', 'ops-genie', 'ops.genie'],
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'OPSGENIE_API_KEY',
  }),
]
