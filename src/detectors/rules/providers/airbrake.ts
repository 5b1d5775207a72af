import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Airbrake: its key, from the provider's published format. */
export const AIRBRAKE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'airbrake-project-key',
    provider: 'Airbrake',
    description: 'An Airbrake project or user key: reports and reads the project\'s errors.',
    words: 'airbrake',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    exampleName: 'AIRBRAKE_PROJECT_KEY',
  }),
]
