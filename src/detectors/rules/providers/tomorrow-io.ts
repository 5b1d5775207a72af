import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Tomorrow.io: its key, from the provider's published format. */
export const TOMORROW_IO_RULES: readonly Rule[] = [
  keyedRule({
    id: 'tomorrow-io-api-key',
    provider: 'Tomorrow.io',
    description: 'A Tomorrow.io weather API key: calls forecasts on the account\'s plan.',
    words: 'tomorrow[_.-]?io|climacell',
    keywords: ['tomorrow_io', 'tomorrow-io', 'tomorrowio', 'tomorrow.io', 'climacell'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'TOMORROW_IO_API_KEY',
  }),
]
