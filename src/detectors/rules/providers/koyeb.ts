import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Koyeb: its key, from the provider's published format. */
export const KOYEB_RULES: readonly Rule[] = [
  keyedRule({
    id: 'koyeb-api-token',
    provider: 'Koyeb',
    description: 'A Koyeb API token: deploys and deletes the organisation\'s apps.',
    words: 'koyeb',
    value: '[A-Za-z0-9]{64}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'KOYEB_TOKEN',
  }),
]
