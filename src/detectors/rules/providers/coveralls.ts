import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Coveralls: its key, from the provider's published format. */
export const COVERALLS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'coveralls-repo-token',
    provider: 'Coveralls',
    description: 'A Coveralls repo token: uploads coverage reports for the repository.',
    words: 'coveralls',
    value: '[A-Za-z0-9]{32,37}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(ALNUM, 33),
    exampleName: 'COVERALLS_REPO_TOKEN',
  }),
]
