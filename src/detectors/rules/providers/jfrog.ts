import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** JFrog: its keys, from the provider's published format. */
export const JFROG_RULES: readonly Rule[] = [
  tokenRule({
    id: 'jfrog-api-key',
    provider: 'JFrog',
    description: 'A JFrog Artifactory API key: reads and publishes artifacts as its user.',
    keywords: ['akcp'],
    body: 'AKCp[A-Za-z0-9]{69}',
    entropy: 3.5,
    fake: () => `AKCp${randomKey(ALNUM, 69)}`,
    nonMatches: () => [`AkCp${randomKey(ALNUM, 69)}`, `blob${randomKey(ALNUM, 4)}AKCp${randomKey(ALNUM, 69)}`],
  }),
  keyedRule({
    id: 'jfrog-identity-token',
    provider: 'JFrog',
    description: 'A JFrog identity or access token: reads and publishes artifacts as its user.',
    words: 'jfrog|artifactory|bintray|xray',
    keywords: ['jfrog', 'artifactory', 'bintray', 'xray'],
    value: '[A-Za-z0-9]{64}|[A-Za-z0-9]{73}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 64),
    exampleName: 'ARTIFACTORY_ACCESS_TOKEN',
  }),
  tokenRule({
    id: 'jfrog-reference-token',
    provider: 'JFrog',
    description: 'A JFrog reference token: reads and publishes artifacts as its user.',
    keywords: ['cmvmd'],
    body: 'cmVmd[A-Za-z0-9]{59}',
    entropy: 3.5,
    fake: () => `cmVmd${randomKey(ALNUM, 59)}`,
    nonMatches: () => [`cmVMd${randomKey(ALNUM, 59)}`, `cmVmd${randomKey(ALNUM, 40)}`],
  }),
]
