import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Northflank: its key, from the provider's published format. */
export const NORTHFLANK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'northflank-api-token',
    provider: 'Northflank',
    description: 'A Northflank API token: deploys and changes the team\'s services and add-ons.',
    words: 'northflank',
    value: 'nf-[A-Za-z0-9._-]{40,}|[A-Za-z0-9._-]{100,}',
    entropy: 3.5,
    fake: () => `nf-${randomKey(BASE64URL, 64)}`,
    exampleName: 'NORTHFLANK_API_TOKEN',
  }),
]
