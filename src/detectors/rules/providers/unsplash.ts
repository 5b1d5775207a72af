import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Unsplash: its key, from the provider's published format. */
export const UNSPLASH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'unsplash-secret-key',
    provider: 'Unsplash',
    description: 'An Unsplash app secret key: obtains tokens that act as the app\'s users.',
    words: 'unsplash',
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    severity: 'medium',
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'UNSPLASH_SECRET_KEY',
  }),
]
