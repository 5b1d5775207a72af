import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Plausible: its key, from the provider's published format. */
export const PLAUSIBLE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'plausible-api-key',
    provider: 'Plausible',
    description: 'A Plausible Analytics API key: reads and changes the account\'s sites and their stats.',
    words: 'plausible',
    value: '[A-Za-z0-9_-]{64}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 64),
    exampleName: 'PLAUSIBLE_API_KEY',
  }),
]
