import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Gitter: its key, from the provider's published format. */
export const GITTER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'gitter-access-token',
    provider: 'Gitter',
    description: 'A Gitter token: posts and reads chat rooms as the user.',
    words: 'gitter',
    value: '[A-Za-z0-9_-]{40}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 40),
    exampleName: 'GITTER_TOKEN',
  }),
]
