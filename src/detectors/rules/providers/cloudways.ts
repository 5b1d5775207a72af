import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Cloudways: its key, from the provider's published format. */
export const CLOUDWAYS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'cloudways-api-key',
    provider: 'Cloudways',
    description: 'A Cloudways API key: manages the account\'s servers and applications.',
    words: 'cloudways',
    value: '[A-Za-z0-9]{30}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 30),
    exampleName: 'CLOUDWAYS_API_KEY',
  }),
]
