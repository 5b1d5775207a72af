import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ZeroBounce: its key, from the provider's published format. */
export const ZEROBOUNCE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zerobounce-api-key',
    provider: 'ZeroBounce',
    description: 'A ZeroBounce API key: validates e-mail addresses on the account\'s credits.',
    words: 'zero[_.-]?bounce',
    keywords: ['zerobounce', 'zero_bounce', 'zero-bounce', 'zero.bounce'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'ZEROBOUNCE_API_KEY',
  }),
]
