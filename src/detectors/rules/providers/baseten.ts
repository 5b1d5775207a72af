import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Baseten: its key, from the provider's published format. */
export const BASETEN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'baseten-api-key',
    provider: 'Baseten',
    description: 'A Baseten API key: calls and deploys the workspace\'s models billed to it.',
    words: 'baseten',
    value: '[A-Za-z0-9]{8}\\.[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => `${randomKey(ALNUM, 8)}.${randomKey(ALNUM, 32)}`,
    exampleName: 'BASETEN_API_KEY',
  }),
]
