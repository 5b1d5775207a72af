import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Zyte: its key, from the provider's published format. */
export const ZYTE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zyte-api-key',
    provider: 'Zyte',
    description: 'A Zyte (Scrapinghub) API key: runs crawls and spends the account\'s extraction credits.',
    words: 'zyte|scrapinghub|shub',
    keywords: ['zyte', 'scrapinghub', 'shub'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'ZYTE_API_KEY',
  }),
]
