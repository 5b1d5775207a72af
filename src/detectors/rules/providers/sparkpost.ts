import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** SparkPost: its key, from the provider's published format. */
export const SPARKPOST_RULES: readonly Rule[] = [
  keyedRule({
    id: 'sparkpost-api-key',
    provider: 'SparkPost',
    description: 'A SparkPost (Bird) API key: sends e-mail from the account and reads its recipients.',
    words: 'spark[_.-]?post',
    keywords: ['sparkpost', 'spark_post', 'spark-post', 'spark.post'],
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'SPARKPOST_API_KEY',
  }),
]
