import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Resemble AI: its key, from the provider's published format. */
export const RESEMBLE_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'resemble-ai-api-key',
    provider: 'Resemble AI',
    description: 'A Resemble AI API key: clones voices and synthesises speech billed to the account.',
    words: 'resemble',
    value: '[A-Za-z0-9]{24,32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    secretNameOnly: true,
    exampleName: 'RESEMBLE_API_KEY',
  }),
]
