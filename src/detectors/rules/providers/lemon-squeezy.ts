import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Lemon Squeezy: its key, from the provider's published format. */
export const LEMON_SQUEEZY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'lemon-squeezy-api-key',
    provider: 'Lemon Squeezy',
    description: 'A Lemon Squeezy API key: reads orders and changes the store\'s products and subscriptions.',
    words: 'lemon[_.-]?squeezy|lmsqueezy',
    keywords: ['lemonsqueezy', 'lemon_squeezy', 'lemon-squeezy', 'lemon.squeezy', 'lmsqueezy'],
    value: 'eyJ[A-Za-z0-9_-]{20,}\\.eyJ[A-Za-z0-9_-]{100,}\\.[A-Za-z0-9_-]{100,}',
    entropy: 3.5,
    fake: () => `eyJ${randomKey(BASE64URL, 30)}.eyJ${randomKey(BASE64URL, 600)}.${randomKey(BASE64URL, 342)}`,
    exampleName: 'LEMONSQUEEZY_API_KEY',
  }),
]
