import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Metabase: its key, from the provider's published format. */
export const METABASE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'metabase-api-key',
    provider: 'Metabase',
    description: 'A Metabase API key or embedding secret: queries the instance\'s databases as its group.',
    words: 'metabase',
    keywords: ['metabase'],
    value: 'mb_[A-Za-z0-9+/=]{40,}|[a-f0-9]{64}',
    entropy: 3.5,
    fake: () => `mb_${randomKey(BASE64, 44)}`,
    secretNameOnly: true,
    exampleName: 'METABASE_API_KEY',
  }),
]
