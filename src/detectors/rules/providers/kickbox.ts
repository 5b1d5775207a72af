import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Kickbox: its key, from the provider's published format. */
export const KICKBOX_RULES: readonly Rule[] = [
  keyedRule({
    id: 'kickbox-api-key',
    provider: 'Kickbox',
    description: 'A Kickbox API key: verifies e-mail addresses on the account\'s credits.',
    words: 'kickbox',
    value: '(?:live|test)_[a-f0-9]{64}',
    entropy: 3,
    fake: () => `live_${randomKey(HEX, 64)}`,
    exampleName: 'KICKBOX_API_KEY',
  }),
]
