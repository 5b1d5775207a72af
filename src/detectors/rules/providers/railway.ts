import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Railway: its key, from the provider's published format. */
export const RAILWAY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'railway-api-token',
    provider: 'Railway',
    description: 'A Railway API or project token: deploys and changes the account\'s or project\'s services.',
    words: 'railway',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'RAILWAY_TOKEN',
  }),
]
