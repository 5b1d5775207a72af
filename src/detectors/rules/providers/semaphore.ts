import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Semaphore: its key, from the provider's published format. */
export const SEMAPHORE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'semaphore-api-token',
    provider: 'Semaphore',
    description: 'A Semaphore CI API token: runs pipelines and reads the organisation\'s secrets.',
    words: 'semaphore',
    value: '[A-Za-z0-9_-]{20,}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 32),
    secretNameOnly: true,
    exampleName: 'SEMAPHORE_API_TOKEN',
  }),
]
