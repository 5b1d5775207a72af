import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Magento: its key, from the provider's published format. */
export const MAGENTO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'magento-access-token',
    provider: 'Magento',
    description: 'A Magento (Adobe Commerce) integration access token: reads and changes the store\'s orders and customers.',
    words: 'magento',
    value: '[a-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'MAGENTO_ACCESS_TOKEN',
  }),
]
