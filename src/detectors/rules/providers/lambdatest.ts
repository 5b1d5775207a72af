import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** LambdaTest: its key, from the provider's published format. */
export const LAMBDATEST_RULES: readonly Rule[] = [
  keyedRule({
    id: 'lambdatest-access-key',
    provider: 'LambdaTest',
    description: 'A LambdaTest access key: runs tests billed to the account and reads its sessions.',
    words: 'lambdatest|lt',
    // `lt` alone is in every `default` and `result`: only its documented variable names (LT_ACCESS_KEY) and the provider's.
    keywords: ['lambdatest', 'lt_access', 'lt_key', 'lt_token', 'lt_secret', 'ltaccess'],
    value: '(?:LT_)?[A-Za-z0-9]{50}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 50),
    secretNameOnly: true,
    exampleName: 'LT_ACCESS_KEY',
  }),
]
