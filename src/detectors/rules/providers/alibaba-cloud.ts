import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey, tokenRule} from '../build.js'

/** Alibaba Cloud: its keys, from the provider's published format. */
export const ALIBABA_CLOUD_RULES: readonly Rule[] = [
  tokenRule({
    id: 'alibaba-access-key-id',
    provider: 'Alibaba Cloud',
    description: 'An Alibaba Cloud AccessKey ID: half of a credential pair for the account\'s API.',
    keywords: ['ltai'],
    body: 'LTAI[A-Za-z0-9]{12,20}',
    entropy: 3,
    fake: () => `LTAI${randomKey(ALNUM, 20)}`,
    nonMatches: () => [`LTAI${randomKey(ALNUM, 8)}`, `xLTAI${randomKey(ALNUM, 20)}`],
  }),
  keyedRule({
    id: 'alibaba-secret-key',
    provider: 'Alibaba Cloud',
    description: 'An Alibaba Cloud AccessKey secret: full API access as the key\'s RAM user.',
    words: 'alibaba|aliyun',
    keywords: ['alibaba', 'aliyun'],
    value: '[A-Za-z0-9]{30}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 30),
    exampleName: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  }),
]
