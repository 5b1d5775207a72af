import type {Rule} from '../../types.js'
import {UPPER_ALNUM, keyedRule, randomKey} from '../build.js'

/** PrestaShop: its key, from the provider's published format. */
export const PRESTASHOP_RULES: readonly Rule[] = [
  keyedRule({
    id: 'prestashop-webservice-key',
    provider: 'PrestaShop',
    description: 'A PrestaShop webservice key: reads and changes the shop\'s orders and customers.',
    words: 'presta[_.-]?shop|ps[_.-]webservice',
    keywords: ['prestashop', 'presta_shop', 'presta-shop', 'presta.shop', 'ps_webservice', 'ps-webservice', 'ps.webservice'],
    value: '[A-Z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(UPPER_ALNUM, 32),
    exampleName: 'PRESTASHOP_WEBSERVICE_KEY',
  }),
]
