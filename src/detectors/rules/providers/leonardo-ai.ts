import type {Rule} from '../../types.js'
import {UUID, keyedRule, randomUuid} from '../build.js'

/** Leonardo.Ai: its key, from the provider's published format. */
export const LEONARDO_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'leonardo-ai-api-key',
    provider: 'Leonardo.Ai',
    description: 'A Leonardo.Ai API key: generates images billed to the account\'s tokens.',
    words: 'leonardo',
    value: UUID,
    entropy: 3,
    fake: randomUuid,
    secretNameOnly: true,
    exampleName: 'LEONARDO_API_KEY',
  }),
]
