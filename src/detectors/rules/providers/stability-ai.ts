import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Stability AI: its key, from the provider's published format. */
export const STABILITY_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'stability-ai-api-key',
    provider: 'Stability AI',
    description: 'A Stability AI API key: generates images billed to the account\'s credits.',
    words: 'stability(?:[_.-]?ai)?',
    keywords: ['stability'],
    value: 'sk-[A-Za-z0-9]{48}',
    entropy: 3,
    fake: () => `sk-${randomKey(ALNUM, 48)}`,
    exampleName: 'STABILITY_API_KEY',
    nearMisses: () => [`STABILITY_API_KEY=sk-${randomKey(ALNUM, 20)}`],
  }),
]
