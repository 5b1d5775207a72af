import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** commercetools: its key, from the provider's published format. */
export const COMMERCETOOLS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'commercetools-client-secret',
    provider: 'commercetools',
    description: 'A commercetools API client secret: obtains tokens for the project\'s products, orders and customers.',
    words: 'commercetools|ctp',
    keywords: ['commercetools', 'ctp'],
    value: '[A-Za-z0-9_-]{32}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 32),
    secretNameOnly: true,
    exampleName: 'CTP_CLIENT_SECRET',
  }),
]
