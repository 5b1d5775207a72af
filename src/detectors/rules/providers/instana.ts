import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Instana: its key, from the provider's published format. */
export const INSTANA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'instana-api-token',
    provider: 'Instana',
    description: 'An IBM Instana API token: reads and changes the tenant\'s monitoring configuration.',
    words: 'instana',
    value: '[A-Za-z0-9_-]{22}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 22),
    secretNameOnly: true,
    exampleName: 'INSTANA_API_TOKEN',
  }),
]
