import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Crowdin: its key, from the provider's published format. */
export const CROWDIN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'crowdin-personal-token',
    provider: 'Crowdin',
    description: 'A Crowdin personal access token: reads and changes the user\'s translation projects.',
    words: 'crowdin',
    value: '[a-f0-9]{80}',
    entropy: 3,
    fake: () => randomKey(HEX, 80),
    exampleName: 'CROWDIN_PERSONAL_TOKEN',
  }),
]
