import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Spotify: its key, from the provider's published format. */
export const SPOTIFY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'spotify-client-secret',
    provider: 'Spotify',
    description: 'A Spotify app client secret: obtains tokens that act as the app and its users.',
    words: 'spotify',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'medium',
    fake: () => randomKey(HEX, 32),
    secretNameOnly: true,
    exampleName: 'SPOTIFY_CLIENT_SECRET',
  }),
]
