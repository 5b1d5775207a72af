import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Drone CI: its key, from the provider's published format. */
export const DRONE_CI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'droneci-access-token',
    provider: 'Drone CI',
    description: 'A Drone CI token: triggers builds and reads secrets of the user\'s repositories.',
    words: 'drone(?:[_.-]?ci)?',
    keywords: ['drone'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'DRONE_TOKEN',
  }),
]
