import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Spacelift: its key, from the provider's published format. */
export const SPACELIFT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'spacelift-api-key-secret',
    provider: 'Spacelift',
    description: 'A Spacelift API key secret: triggers runs that apply infrastructure changes across the account\'s stacks.',
    words: 'spacelift',
    value: '[a-f0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => randomKey(HEX, 64),
    secretNameOnly: true,
    exampleName: 'SPACELIFT_API_KEY_SECRET',
  }),
]
