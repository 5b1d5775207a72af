import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Gumroad: its key, from the provider's published format. */
export const GUMROAD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gumroad-access-token',
    provider: 'Gumroad',
    description: 'A Gumroad access token: reads sales and changes the seller\'s products.',
    words: 'gumroad',
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    exampleName: 'GUMROAD_ACCESS_TOKEN',
  }),
]
