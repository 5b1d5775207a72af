import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Airbyte: its key, from the provider's published format. */
export const AIRBYTE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'airbyte-client-secret',
    provider: 'Airbyte',
    description: 'An Airbyte Cloud client secret: changes the workspace\'s connections and reads their sync logs.',
    words: 'airbyte',
    value: '[A-Za-z0-9_-]{32,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'AIRBYTE_CLIENT_SECRET',
  }),
]
