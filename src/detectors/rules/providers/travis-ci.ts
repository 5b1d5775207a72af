import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Travis CI: its key, from the provider's published format. */
export const TRAVIS_CI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'travisci-access-token',
    provider: 'Travis CI',
    description: 'A Travis CI API token: triggers builds and reads settings of the user\'s repositories.',
    words: 'travis(?:[_.-]?ci)?',
    keywords: ['travis'],
    value: '[A-Za-z0-9]{22}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 22),
    exampleName: 'TRAVIS_API_TOKEN',
  }),
]
