import type {Rule} from '../../types.js'
import {LOWER_ALNUM, randomKey, tokenRule} from '../build.js'

/** Neon: its key, from the provider's published format. */
export const NEON_RULES: readonly Rule[] = [
  tokenRule({
    id: 'neon-api-key',
    provider: 'Neon',
    description: 'A Neon API key (napi_): creates, branches and deletes the account\'s Postgres projects.',
    keywords: ['napi_'],
    body: 'napi_[a-z0-9]{64}',
    entropy: 3,
    severity: 'critical',
    fake: () => `napi_${randomKey(LOWER_ALNUM, 64)}`,
    nonMatches: () => [`napi_${randomKey(LOWER_ALNUM, 30)}`],
  }),
]
