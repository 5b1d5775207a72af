import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Imgix: its key, from the provider's published format. */
export const IMGIX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'imgix-api-key',
    provider: 'Imgix',
    description: 'An imgix API key or signing token: purges and changes the account\'s sources, or signs their URLs.',
    words: 'imgix',
    value: '[A-Za-z0-9]{16,}|ak_[A-Za-z0-9]{40,}',
    entropy: 3,
    fake: () => `ak_${randomKey(ALNUM, 48)}`,
    secretNameOnly: true,
    exampleName: 'IMGIX_API_KEY',
  }),
]
