import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Zhipu AI: its key, from the provider's published format. */
export const ZHIPU_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'zhipu-ai-api-key',
    provider: 'Zhipu AI',
    description: 'A Zhipu AI (BigModel) API key (id.secret): runs GLM model calls billed to the account.',
    words: 'zhipu(?:[_.-]?ai)?|bigmodel|glm',
    keywords: ['zhipu', 'bigmodel', 'glm'],
    value: '[a-f0-9]{32}\\.[A-Za-z0-9]{16}',
    entropy: 3,
    fake: () => `${randomKey(HEX, 32)}.${randomKey(ALNUM, 16)}`,
    exampleName: 'ZHIPUAI_API_KEY',
    nearMisses: () => [`ZHIPUAI_API_KEY=${randomKey(HEX, 32)}`],
  }),
]
