import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Ahrefs: its key, from the provider's published format. */
export const AHREFS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ahrefs-api-key',
    provider: 'Ahrefs',
    description: 'An Ahrefs API key: runs SEO queries on the account\'s API units.',
    words: 'ahrefs',
    value: '[A-Za-z0-9_-]{40}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 40),
    exampleName: 'AHREFS_API_KEY',
  }),
]
