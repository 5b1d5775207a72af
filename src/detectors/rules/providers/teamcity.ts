import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** TeamCity: its key, from the provider's published format. */
export const TEAMCITY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'teamcity-access-token',
    provider: 'TeamCity',
    description: 'A TeamCity access token: runs builds and reads projects as its user.',
    keywords: ['eyJ0eXAiOiAiVENWMiJ9'],
    body: 'eyJ0eXAiOiAiVENWMiJ9\\.[A-Za-z0-9_-]{36}\\.[A-Za-z0-9_-]{48}',
    entropy: 3,
    fake: () => `eyJ0eXAiOiAiVENWMiJ9.${randomKey(BASE64URL, 36)}.${randomKey(BASE64URL, 48)}`,
    nonMatches: () => [`eyJ0eXAiOiAiVENWMiJ9.${randomKey(BASE64URL, 20)}`],
  }),
]
