import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Fivetran: its key, from the provider's published format. */
export const FIVETRAN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'fivetran-api-secret',
    provider: 'Fivetran',
    description: 'A Fivetran API secret: with its key it changes the account\'s connectors and destinations.',
    words: 'fivetran',
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'FIVETRAN_API_SECRET',
  }),
]
