import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../longtail/shape.js'

/** LambdaTest: its key, from the provider's published format. */
export const LAMBDATEST_RULES: readonly Rule[] = [
  keyedRule({
    id: 'lambdatest-access-key',
    provider: 'LambdaTest',
    description: 'A LambdaTest access key: runs tests billed to the account and reads its sessions.',
    words: 'lambdatest|lt',
    keywords: ['lambdatest', 'lt_', 'lt-', 'lt.', 'ltapi', 'ltkey', 'lttoken', 'ltsecret', 'ltauth', 'ltaccess', 'ltclient', 'ltprivate', 'ltapp', 'ltwrite', 'ltrest', 'ltrecord', 'ltsdk', 'ltpat', 'ltpassword'],
    value: '(?:LT_)?[A-Za-z0-9]{50}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 50),
    secretNameOnly: true,
    exampleName: 'LT_ACCESS_KEY',
  }),
]
