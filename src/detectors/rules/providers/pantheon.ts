import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Pantheon: its key, from the provider's published format. */
export const PANTHEON_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pantheon-machine-token',
    provider: 'Pantheon',
    description: 'A Pantheon machine token: deploys and changes every site its user can reach, through Terminus.',
    words: 'pantheon|terminus',
    keywords: ['pantheon', 'terminus'],
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    exampleName: 'TERMINUS_MACHINE_TOKEN',
  }),
]
