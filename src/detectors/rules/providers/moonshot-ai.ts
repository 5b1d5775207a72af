import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Moonshot AI: its key, from the provider's published format. */
export const MOONSHOT_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'moonshot-ai-api-key',
    provider: 'Moonshot AI',
    description: 'A Moonshot AI (Kimi) API key: runs model calls billed to the account.',
    words: 'moonshot|kimi',
    keywords: ['moonshot', 'kimi'],
    value: 'sk-[A-Za-z0-9]{48}',
    entropy: 3,
    fake: () => `sk-${randomKey(ALNUM, 48)}`,
    exampleName: 'MOONSHOT_API_KEY',
  }),
]
