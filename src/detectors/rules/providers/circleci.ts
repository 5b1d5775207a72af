import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** CircleCI: its keys, from the provider's published format. */
export const CIRCLECI_RULES: readonly Rule[] = [
  tokenRule({
    id: 'circleci-personal-token',
    provider: 'CircleCI',
    description: 'A CircleCI personal API token (CCIPAT_): triggers pipelines and reads project secrets as its user.',
    keywords: ['CCIPAT_'],
    body: 'CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `CCIPAT_${randomKey(ALNUM, 22)}_${randomKey(HEX, 40)}`,
    nonMatches: () => [`CCIPAT_${randomKey(ALNUM, 22)}`],
  }),
  keyedRule({
    id: 'circleci-legacy-token',
    provider: 'CircleCI',
    description: 'A CircleCI API token without prefix: triggers pipelines and reads project settings as its user.',
    words: 'circle[_.-]?ci',
    keywords: ['circleci', 'circle_ci', 'circle-ci', 'circle.ci'],
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'CIRCLECI_TOKEN',
  }),
]
