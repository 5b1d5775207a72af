import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Semrush: its key, from the provider's published format. */
export const SEMRUSH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'semrush-api-key',
    provider: 'Semrush',
    description: 'A Semrush API key: runs SEO queries on the account\'s API units.',
    words: 'semrush',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'SEMRUSH_API_KEY',
  }),
]
