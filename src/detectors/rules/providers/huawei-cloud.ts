import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Huawei Cloud: its key, from the provider's published format. */
export const HUAWEI_CLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'huawei-cloud-secret-key',
    provider: 'Huawei Cloud',
    description: 'A Huawei Cloud secret access key: with its access key it acts on the account\'s cloud resources.',
    words: 'huawei(?:[_.-]?cloud)?|huaweicloud',
    keywords: ['huawei'],
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(ALNUM, 40),
    exampleName: 'HUAWEICLOUD_SDK_SK',
  }),
]
