import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** DeepSeek: its key, from the provider's published format. */
export const DEEPSEEK_RULES: readonly Rule[] = [
  keyedRule({
    id: 'deepseek-api-key',
    provider: 'DeepSeek',
    description: 'A DeepSeek API key: runs model calls billed to the account.',
    words: 'deepseek',
    value: 'sk-[a-f0-9]{32}',
    entropy: 3,
    fake: () => `sk-${randomKey(HEX, 32)}`,
    exampleName: 'DEEPSEEK_API_KEY',
    nearMisses: () => [`DEEPSEEK_API_KEY=sk-${randomKey(ALNUM, 48)}`],
  }),
]
