import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Maxio: its key, from the provider's published format. */
export const MAXIO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'maxio-api-key',
    provider: 'Maxio',
    description: 'A Maxio (Chargify) API key: reads and changes the site\'s customers and subscriptions.',
    words: 'maxio|chargify',
    keywords: ['maxio', 'chargify'],
    value: '[A-Za-z0-9]{30,45}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 40),
    secretNameOnly: true,
    exampleName: 'CHARGIFY_API_KEY',
  }),
]
