import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Optimizely: its key, from the provider's published format. */
export const OPTIMIZELY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'optimizely-api-token',
    provider: 'Optimizely',
    description: 'An Optimizely personal access token: changes the account\'s experiments and flags.',
    words: 'optimizely',
    value: '2:[A-Za-z0-9_-]{40,}',
    entropy: 3.5,
    fake: () => `2:${randomKey(BASE64URL, 48)}`,
    exampleName: 'OPTIMIZELY_API_TOKEN',
  }),
]
