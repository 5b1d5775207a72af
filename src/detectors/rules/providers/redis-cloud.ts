import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Redis Cloud: its key, from the provider's published format. */
export const REDIS_CLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'redis-cloud-api-secret',
    provider: 'Redis Cloud',
    description: 'A Redis Cloud API secret key: with its account key it manages the account\'s databases.',
    words: 'redis[_.-]?cloud|rediscloud',
    keywords: ['rediscloud', 'redis_cloud', 'redis-cloud', 'redis.cloud'],
    value: '[A-Za-z0-9]{50,60}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 55),
    secretNameOnly: true,
    exampleName: 'REDISCLOUD_SECRET_KEY',
  }),
]
