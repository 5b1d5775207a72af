import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Reddit: its key, from the provider's published format. */
export const REDDIT_RULES: readonly Rule[] = [
  keyedRule({
    id: 'reddit-client-secret',
    provider: 'Reddit',
    description: 'A Reddit app client secret: obtains tokens that post and moderate as the app\'s user.',
    words: 'reddit',
    value: '[A-Za-z0-9_-]{27,30}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 30),
    secretNameOnly: true,
    exampleName: 'REDDIT_CLIENT_SECRET',
  }),
]
