import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Auth0: its key, from the provider's published format. */
export const AUTH0_RULES: readonly Rule[] = [
  keyedRule({
    id: 'auth0-client-secret',
    provider: 'Auth0',
    description: 'An Auth0 application client secret: obtains tokens as the application, management API ones included.',
    words: 'auth0',
    value: '[A-Za-z0-9_-]{64}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(BASE64URL, 64),
    secretNameOnly: true,
    exampleName: 'AUTH0_CLIENT_SECRET',
  }),
]
