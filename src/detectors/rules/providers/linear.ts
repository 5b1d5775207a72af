import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const LINEAR_RULES: readonly Rule[] = [
  prefixRule({
    id: 'linear-api-key',
    provider: 'Linear',
    description: 'A Linear personal API key (`lin_api_`): reads and writes the workspace’s issues as its owner.',
    keywords: ['lin_api_'],
    body: 'lin_api_[A-Za-z0-9]{40}',
    entropy: 3.5,
    severity: 'high',
    envName: 'LINEAR_API_KEY',
    fake: () => `lin_api_${randomString(ALNUM, 40)}`,
    nonMatches: () => [`LINEAR_API_KEY=lin_api_${randomString(ALNUM, 20)}`, 'LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
]
