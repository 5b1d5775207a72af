import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Papertrail: its key, from the provider's published format. */
export const PAPERTRAIL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'papertrail-api-token',
    provider: 'Papertrail',
    description: 'A Papertrail API token: searches the account\'s logs.',
    words: 'papertrail',
    value: '[A-Za-z0-9]{20}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 20),
    secretNameOnly: true,
    exampleName: 'PAPERTRAIL_API_TOKEN',
  }),
]
