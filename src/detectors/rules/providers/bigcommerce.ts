import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** BigCommerce: its keys, from the provider's published format. */
export const BIGCOMMERCE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'bigcommerce-access-token',
    provider: 'BigCommerce',
    description: 'A BigCommerce API account access token: reads and changes the store\'s orders, products and customers.',
    words: 'bigcommerce|big[_.-]commerce',
    keywords: ['bigcommerce', 'big_commerce', 'big-commerce', 'big.commerce'],
    value: '[a-z0-9]{31}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 31),
    secretNameOnly: true,
    exampleName: 'BIGCOMMERCE_ACCESS_TOKEN',
  }),
  keyedRule({
    id: 'bigcommerce-client-secret',
    provider: 'BigCommerce',
    description: 'A BigCommerce app client secret: signs the app\'s store sessions and obtains its tokens.',
    words: 'bigcommerce|big[_.-]commerce',
    keywords: ['bigcommerce', 'big_commerce', 'big-commerce', 'big.commerce'],
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    secretNameOnly: true,
    exampleName: 'BIGCOMMERCE_CLIENT_SECRET',
  }),
]
