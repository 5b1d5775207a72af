import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Portainer: its key, from the provider's published format. */
export const PORTAINER_RULES: readonly Rule[] = [
  tokenRule({
    id: 'portainer-access-token',
    provider: 'Portainer',
    description: 'A Portainer access token (ptr_): manages the containers and stacks of every environment its user can reach.',
    keywords: ['ptr_'],
    body: 'ptr_[A-Za-z0-9+/=]{43,44}',
    entropy: 3,
    severity: 'critical',
    fake: () => `ptr_${randomKey(BASE64, 43)}=`,
    nonMatches: () => [`ptr_${randomKey(BASE64, 20)}`],
  }),
]
