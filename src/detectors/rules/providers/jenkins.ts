import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Jenkins: its key, from the provider's published format. */
export const JENKINS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'jenkins-api-token',
    provider: 'Jenkins',
    description: 'A Jenkins API token: runs jobs and reads their credentials as its user.',
    words: 'jenkins',
    value: '11[a-f0-9]{32}',
    entropy: 3,
    fake: () => `11${randomKey(HEX, 32)}`,
    exampleName: 'JENKINS_API_TOKEN',
    nearMisses: () => [`JENKINS_API_TOKEN=22${randomKey(HEX, 32)}`],
  }),
]
