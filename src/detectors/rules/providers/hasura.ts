import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Hasura: its key, from the provider's published format. */
export const HASURA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'hasura-admin-secret',
    provider: 'Hasura',
    description: 'A Hasura GraphQL admin secret: reads and writes every table behind the GraphQL engine.',
    words: 'hasura',
    value: '[A-Za-z0-9_+/=!@#%^&*-]{32,}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 48),
    secretNameOnly: true,
    exampleName: 'HASURA_GRAPHQL_ADMIN_SECRET',
  }),
]
