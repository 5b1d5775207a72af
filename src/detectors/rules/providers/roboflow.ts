import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Roboflow: its key, from the provider's published format. */
export const ROBOFLOW_RULES: readonly Rule[] = [
  keyedRule({
    id: 'roboflow-api-key',
    provider: 'Roboflow',
    description: 'A Roboflow API key: reads the workspace\'s datasets and runs its models.',
    words: 'roboflow',
    value: '[A-Za-z0-9]{20}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 20),
    exampleName: 'ROBOFLOW_API_KEY',
  }),
]
