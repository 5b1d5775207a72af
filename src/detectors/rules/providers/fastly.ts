import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Fastly: its key, from the provider's published format. */
export const FASTLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'fastly-api-token',
    provider: 'Fastly',
    description: 'A Fastly API token: purges and reconfigures the account\'s CDN services.',
    words: 'fastly',
    value: '[A-Za-z0-9=_-]{32}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 32),
    exampleName: 'FASTLY_API_TOKEN',
  }),
]
