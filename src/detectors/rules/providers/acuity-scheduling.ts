import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Acuity Scheduling: its key, from the provider's published format. */
export const ACUITY_SCHEDULING_RULES: readonly Rule[] = [
  keyedRule({
    id: 'acuity-scheduling-api-key',
    provider: 'Acuity Scheduling',
    description: 'An Acuity Scheduling API key: reads and changes the account\'s appointments and client details.',
    words: 'acuity',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'ACUITY_API_KEY',
  }),
]
