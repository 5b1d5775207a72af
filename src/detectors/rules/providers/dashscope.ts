import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Alibaba DashScope: its key, from the provider's published format. */
export const DASHSCOPE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'dashscope-api-key',
    provider: 'Alibaba DashScope',
    description: 'An Alibaba Cloud Model Studio (DashScope) key: runs Qwen model calls billed to the account.',
    words: 'dashscope|qwen',
    keywords: ['dashscope', 'qwen'],
    value: 'sk-[a-f0-9]{32}',
    entropy: 3,
    fake: () => `sk-${randomKey(HEX, 32)}`,
    exampleName: 'DASHSCOPE_API_KEY',
  }),
]
