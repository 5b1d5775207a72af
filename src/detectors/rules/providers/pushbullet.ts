import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Pushbullet: its key, from the provider's published format. */
export const PUSHBULLET_RULES: readonly Rule[] = [
  tokenRule({
    id: 'pushbullet-access-token',
    provider: 'Pushbullet',
    description: 'A Pushbullet access token (o.): reads the user\'s pushes and sends to their devices.',
    keywords: ['o.'],
    body: 'o\\.[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => `o.${randomKey(ALNUM, 32)}`,
    nonMatches: () => [`o.${randomKey(ALNUM, 16)}`],
  }),
]
