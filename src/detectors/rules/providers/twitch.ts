import type {Rule} from '../../types.js'
import {LOWER_ALNUM, keyedRule, randomKey} from '../build.js'

/** Twitch: its key, from the provider's published format. */
export const TWITCH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'twitch-api-token',
    provider: 'Twitch',
    description: 'A Twitch client secret or OAuth token: acts as the app or user towards Twitch.',
    words: 'twitch',
    value: '[A-Za-z0-9]{30}',
    entropy: 3,
    fake: () => randomKey(LOWER_ALNUM, 30),
    exampleName: 'TWITCH_CLIENT_SECRET',
  }),
]
