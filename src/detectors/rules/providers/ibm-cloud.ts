import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** IBM Cloud: its key, from the provider's published format. */
export const IBM_CLOUD_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ibm-cloud-api-key',
    provider: 'IBM Cloud',
    description: 'An IBM Cloud API key: acts on the account\'s cloud resources as its user or service ID.',
    words: 'ibm(?:[_.-]?cloud)?|ibmcloud',
    keywords: ['ibm'],
    value: '[A-Za-z0-9_-]{44}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(BASE64URL, 44),
    secretNameOnly: true,
    exampleName: 'IBMCLOUD_API_KEY',
  }),
]
