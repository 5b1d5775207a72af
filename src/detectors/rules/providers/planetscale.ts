import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** PlanetScale: its keys, from the provider's published format. */
export const PLANETSCALE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'planetscale-api-token',
    provider: 'PlanetScale',
    description: 'A PlanetScale service token: manages the organisation\'s databases and branches.',
    keywords: ['pscale_tkn_'],
    body: 'pscale_tkn_[A-Za-z0-9_=.-]{32,64}',
    entropy: 3,
    severity: 'critical',
    fake: () => `pscale_tkn_${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`pscale_tkn_${randomKey(BASE64URL, 16)}`],
  }),
  tokenRule({
    id: 'planetscale-oauth-token',
    provider: 'PlanetScale',
    description: 'A PlanetScale OAuth token: acts on the databases as the authorising user.',
    keywords: ['pscale_oauth_'],
    body: 'pscale_oauth_[A-Za-z0-9_=.-]{32,64}',
    entropy: 3,
    severity: 'critical',
    fake: () => `pscale_oauth_${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`pscale_oauth_${randomKey(BASE64URL, 16)}`],
  }),
  tokenRule({
    id: 'planetscale-password',
    provider: 'PlanetScale',
    description: 'A PlanetScale database password: connects to the branch with its role.',
    keywords: ['pscale_pw_'],
    body: 'pscale_pw_[A-Za-z0-9_=.-]{32,64}',
    entropy: 3,
    severity: 'critical',
    fake: () => `pscale_pw_${randomKey(BASE64URL, 43)}`,
    nonMatches: () => [`pscale_pw_${randomKey(BASE64URL, 16)}`],
  }),
]
