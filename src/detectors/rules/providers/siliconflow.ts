import {LOWER} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** SiliconFlow: its key, from the provider's published format. */
export const SILICONFLOW_RULES: readonly Rule[] = [
  keyedRule({
    id: 'siliconflow-api-key',
    provider: 'SiliconFlow',
    description: 'A SiliconFlow API key: runs model calls billed to the account.',
    words: 'silicon[_.-]?flow',
    keywords: ['siliconflow', 'silicon_flow', 'silicon-flow', 'silicon.flow'],
    value: 'sk-[a-z]{48}',
    entropy: 3,
    fake: () => `sk-${randomKey(LOWER, 48)}`,
    exampleName: 'SILICONFLOW_API_KEY',
  }),
]
