import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Adafruit IO: its key, from the provider's published format. */
export const ADAFRUIT_IO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'adafruit-api-key',
    provider: 'Adafruit IO',
    description: 'An Adafruit IO key: reads and writes the account\'s feeds and devices.',
    words: 'adafruit',
    value: '[A-Za-z0-9_-]{32}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 32),
    exampleName: 'ADAFRUIT_IO_KEY',
  }),
]
