import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Fireworks AI: its key, from the provider's published format. */
export const FIREWORKS_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'fireworks-ai-api-key',
    provider: 'Fireworks AI',
    description: 'A Fireworks AI API key: runs and deploys models billed to the account.',
    words: 'fireworks(?:[_.-]?ai)?',
    keywords: ['fireworks'],
    value: 'fw_[A-Za-z0-9]{24,40}',
    entropy: 3,
    fake: () => `fw_${randomKey(ALNUM, 24)}`,
    exampleName: 'FIREWORKS_API_KEY',
    nearMisses: () => [`FIREWORKS_API_KEY=${randomKey(ALNUM, 24)}`],
  }),
]
