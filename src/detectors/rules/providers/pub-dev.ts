import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Pub.dev: its key, from the provider's published format. */
export const PUB_DEV_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pub-dev-credentials',
    provider: 'Pub.dev',
    description: 'A pub.dev refresh token in credentials: publishes Dart and Flutter packages as the user.',
    words: 'pub[_.-]?(?:dev|credentials)',
    keywords: ['pub_dev', 'pub-dev', 'pubdev', 'pub.dev', 'pub_credentials', 'pub-credentials', 'pubcredentials', 'pub.credentials'],
    value: '1//[A-Za-z0-9_-]{40,}',
    entropy: 3.5,
    fake: () => `1//${randomKey(BASE64URL, 64)}`,
    exampleName: 'PUB_CREDENTIALS',
  }),
]
