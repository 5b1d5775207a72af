import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Yandex Cloud: its keys, from the provider's published format. */
export const YANDEX_CLOUD_RULES: readonly Rule[] = [
  tokenRule({
    id: 'yandex-access-token',
    provider: 'Yandex Cloud',
    description: 'A Yandex Cloud IAM token: acts on the cloud as its account until it expires.',
    keywords: ['t1.'],
    body: 't1\\.[A-Za-z0-9_-]+={0,2}\\.[A-Za-z0-9_-]{86}={0,2}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `t1.${randomKey(BASE64URL, 20)}.${randomKey(BASE64URL, 86)}`,
    nonMatches: () => [`t1.${randomKey(BASE64URL, 20)}.${randomKey(BASE64URL, 30)}`],
  }),
  tokenRule({
    id: 'yandex-api-key',
    provider: 'Yandex Cloud',
    description: 'A Yandex Cloud API key: calls the cloud\'s services as its service account.',
    keywords: ['aqvn'],
    body: 'AQVN[A-Za-z0-9_-]{35,38}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `AQVN${randomKey(BASE64URL, 36)}`,
    nonMatches: () => [`AQVN${randomKey(BASE64URL, 20)}`],
  }),
  keyedRule({
    id: 'yandex-aws-access-token',
    provider: 'Yandex Cloud',
    description: 'A Yandex Cloud static access key (S3-compatible): reads and writes the account\'s buckets.',
    words: 'yandex',
    value: 'YC[A-Za-z0-9_-]{38}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `YC${randomKey(BASE64URL, 38)}`,
    exampleName: 'YANDEX_SECRET_ACCESS_KEY',
  }),
]
