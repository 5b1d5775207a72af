import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Tencent Cloud: its keys, from the provider's published format. */
export const TENCENT_CLOUD_RULES: readonly Rule[] = [
  tokenRule({
    id: 'tencent-cloud-secret-id',
    provider: 'Tencent Cloud',
    description: 'A Tencent Cloud SecretId (AKID…): names the API key whose SecretKey usually sits beside it.',
    keywords: ['AKID'],
    body: 'AKID[A-Za-z0-9]{32}',
    before: 'A-Za-z0-9',
    after: 'A-Za-z0-9',
    entropy: 3,
    severity: 'medium',
    fake: () => `AKID${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`AKID${randomKey(ALNUM, 20)}`],
  }),
  keyedRule({
    id: 'tencent-cloud-secret-key',
    provider: 'Tencent Cloud',
    description: 'A Tencent Cloud SecretKey: with its SecretId it acts on the account\'s cloud resources.',
    words: 'tencent(?:[_.-]?cloud)?|tencentcloud|qcloud',
    keywords: ['tencent', 'qcloud'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'TENCENTCLOUD_SECRET_KEY',
  }),
]
