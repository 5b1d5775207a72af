import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** SonarQube: its keys, from the provider's published format. */
export const SONARQUBE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sonar-api-token',
    provider: 'SonarQube',
    description: 'A SonarQube / SonarCloud token: reads and analyses the organisation\'s code.',
    words: 'sonar(?:qube|cloud)?',
    keywords: ['sonar'],
    value: '(?:sq[upa]_)?[A-Za-z0-9=_-]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'SONAR_TOKEN',
  }),
  tokenRule({
    id: 'sonar-prefixed-token',
    provider: 'SonarQube',
    description: 'A SonarQube user, project or analysis token (squ_/sqp_/sqa_): reads and analyses code.',
    keywords: ['squ_', 'sqp_', 'sqa_'],
    body: 'sq[upa]_[a-f0-9]{40}',
    entropy: 3,
    fake: () => `squ_${randomKey(HEX, 40)}`,
    nonMatches: () => [`squ_${randomKey(HEX, 20)}`],
  }),
]
