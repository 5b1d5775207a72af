import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Amplitude: its key, from the provider's published format. */
export const AMPLITUDE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'amplitude-secret-key',
    provider: 'Amplitude',
    description: 'An Amplitude secret key: with its API key it exports the project\'s raw events and user data.',
    words: 'amplitude',
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'AMPLITUDE_SECRET_KEY',
  }),
]
