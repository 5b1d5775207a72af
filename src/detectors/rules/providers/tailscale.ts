import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Tailscale: its key, from the provider's published format. */
export const TAILSCALE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'tailscale-api-key',
    provider: 'Tailscale',
    description: 'A Tailscale key (tskey-): joins devices to the tailnet or calls its admin API, by kind.',
    keywords: ['tskey-'],
    body: 'tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{10,20}-[A-Za-z0-9]{24,40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `tskey-auth-${randomKey(ALNUM, 17)}-${randomKey(ALNUM, 33)}`,
    nonMatches: () => [`tskey-auth-${randomKey(ALNUM, 17)}`, `tskey-other-${randomKey(ALNUM, 17)}-${randomKey(ALNUM, 33)}`],
  }),
]
