import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Stytch: its key, from the provider's published format. */
export const STYTCH_RULES: readonly Rule[] = [
  tokenRule({
    id: 'stytch-secret',
    provider: 'Stytch',
    description: 'A Stytch project secret (secret-live-/secret-test-): reads and changes the project\'s users and sessions.',
    keywords: ['secret-live-', 'secret-test-'],
    body: 'secret-(?:live|test)-[A-Za-z0-9_=-]{36}',
    entropy: 3,
    severity: 'critical',
    fake: () => `secret-live-${randomKey(BASE64URL, 36)}`,
    nonMatches: () => [`secret-live-${randomKey(BASE64URL, 16)}`],
  }),
]
