import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Upstash: its key, from the provider's published format. */
export const UPSTASH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'upstash-rest-token',
    provider: 'Upstash',
    description: 'An Upstash REST token: reads and writes the Redis database, queue or vector index it belongs to.',
    words: 'upstash',
    value: 'A[A-Za-z0-9_-]{40,}={0,2}',
    entropy: 3.5,
    fake: () => `A${randomKey(BASE64URL, 59)}`,
    secretNameOnly: true,
    exampleName: 'UPSTASH_REDIS_REST_TOKEN',
  }),
]
