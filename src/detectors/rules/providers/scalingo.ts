import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Scalingo: its key, from the provider's published format. */
export const SCALINGO_RULES: readonly Rule[] = [
  tokenRule({
    id: 'scalingo-api-token',
    provider: 'Scalingo',
    description: 'A Scalingo API token: deploys and reconfigures the account\'s apps.',
    keywords: ['tk-us-'],
    body: 'tk-us-[A-Za-z0-9_-]{48}',
    entropy: 3,
    fake: () => `tk-us-${randomKey(BASE64URL, 48)}`,
    nonMatches: () => [`tk-us-${randomKey(BASE64URL, 20)}`],
  }),
]
