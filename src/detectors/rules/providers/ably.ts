import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Ably: its key, from the provider's published format. */
export const ABLY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ably-api-key',
    provider: 'Ably',
    description: 'An Ably API key (app.key:secret): publishes to and subscribes on the app\'s channels by its capabilities.',
    words: 'ably',
    keywords: ['ably_', 'ably-', 'ably.', 'ablyapi', 'ablykey', 'ablytoken', 'ablysecret', 'ablyauth', 'ablyaccess', 'ablyclient', 'ablyprivate', 'ablyapp', 'ablywrite', 'ablyrest', 'ablyrecord', 'ablysdk', 'ablypat', 'ablypassword'],
    value: '[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_+/=-]{43}',
    entropy: 3,
    fake: () => `${randomKey(BASE64URL, 6)}.${randomKey(BASE64URL, 6)}:${randomKey(BASE64URL, 43)}`,
    exampleName: 'ABLY_API_KEY',
    nearMisses: () => [`ABLY_API_KEY=${randomKey(BASE64URL, 6)}.${randomKey(BASE64URL, 6)}`],
  }),
]
