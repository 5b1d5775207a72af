import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {nameRule} from '../build.js'

export const COHERE_RULES: readonly Rule[] = [
  nameRule({
    id: 'cohere-api-key',
    provider: 'Cohere',
    description: 'A Cohere API key (40 characters, no prefix): model calls billed to the account.',
    keywords: ['cohere', 'co_api'],
    names: /(?:^|_)(?:cohere(?:_[a-z0-9]+)*_(?:api_key|key|token)|co_api_key)$/,
    body: '[A-Za-z0-9]{40}',
    entropy: 3.5,
    severity: 'high',
    envName: 'COHERE_API_KEY',
    fake: () => randomString(ALNUM, 40),
    nonMatches: () => ['CO_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', `COHERE_API_KEY=${randomString(ALNUM, 32)}`],
  }),
]
