import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** PlayHT: its key, from the provider's published format. */
export const PLAYHT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'playht-secret-key',
    provider: 'PlayHT',
    description: 'A PlayHT secret key: synthesises speech billed to the account.',
    words: 'play[_.-]?ht',
    keywords: ['playht', 'play_ht', 'play-ht', 'play.ht'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'PLAYHT_SECRET_KEY',
  }),
]
