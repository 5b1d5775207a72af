import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Pusher: its key, from the provider's published format. */
export const PUSHER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pusher-app-secret',
    provider: 'Pusher',
    description: 'A Pusher Channels app secret: signs events and private-channel auth for the app.',
    words: 'pusher',
    value: '[a-f0-9]{20}',
    entropy: 3,
    fake: () => randomKey(HEX, 20),
    secretNameOnly: true,
    exampleName: 'PUSHER_APP_SECRET',
  }),
]
