import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Wasabi: its key, from the provider's published format. */
export const WASABI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'wasabi-secret-key',
    provider: 'Wasabi',
    description: 'A Wasabi secret key: with its access key it reads and writes the account\'s buckets.',
    words: 'wasabi',
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 40),
    secretNameOnly: true,
    exampleName: 'WASABI_SECRET_KEY',
  }),
]
