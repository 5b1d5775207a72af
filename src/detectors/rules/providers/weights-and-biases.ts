import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Weights & Biases: its key, from the provider's published format. */
export const WEIGHTS_AND_BIASES_RULES: readonly Rule[] = [
  keyedRule({
    id: 'wandb-api-key',
    provider: 'Weights & Biases',
    description: 'A Weights & Biases API key: reads and writes the user\'s runs, models and artifacts.',
    words: 'wandb|weights[_.-]?(?:and|&)[_.-]?biases',
    keywords: ['wandb', 'biases'],
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'WANDB_API_KEY',
  }),
]
