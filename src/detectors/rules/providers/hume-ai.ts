import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Hume AI: its key, from the provider's published format. */
export const HUME_AI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'hume-ai-secret-key',
    provider: 'Hume AI',
    description: 'A Hume AI API or secret key: runs voice and expression models billed to the account.',
    words: 'hume(?:[_.-]?ai)?',
    keywords: ['hume'],
    value: '[A-Za-z0-9]{48}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 48),
    secretNameOnly: true,
    exampleName: 'HUME_SECRET_KEY',
  }),
]
