import {ALNUM, DIGITS} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Twitter (X): its keys, from the provider's published format. */
export const TWITTER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'twitter-access-secret',
    provider: 'Twitter (X)',
    description: 'A Twitter (X) access token secret: with its token it posts as the user.',
    words: 'twitter',
    value: '[A-Za-z0-9]{45}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 45),
    exampleName: 'TWITTER_ACCESS_TOKEN_SECRET',
  }),
  keyedRule({
    id: 'twitter-access-token',
    provider: 'Twitter (X)',
    description: 'A Twitter (X) user access token: with its secret it posts as the user.',
    words: 'twitter',
    value: '[0-9]{15,25}-[A-Za-z0-9]{20,40}',
    entropy: 3,
    fake: () => `${randomKey(DIGITS, 19)}-${randomKey(ALNUM, 30)}`,
    exampleName: 'TWITTER_ACCESS_TOKEN',
  }),
  keyedRule({
    id: 'twitter-api-key',
    provider: 'Twitter (X)',
    description: 'A Twitter (X) API (consumer) key: identifies the app; the secret usually sits beside it.',
    words: 'twitter',
    value: '[A-Za-z0-9]{25}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 25),
    exampleName: 'TWITTER_API_KEY',
  }),
  keyedRule({
    id: 'twitter-api-secret',
    provider: 'Twitter (X)',
    description: 'A Twitter (X) API (consumer) secret: acts as the app and mints tokens.',
    words: 'twitter',
    value: '[A-Za-z0-9]{50}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 50),
    exampleName: 'TWITTER_API_SECRET',
  }),
]
