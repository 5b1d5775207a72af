import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Deno Deploy: its key, from the provider's published format. */
export const DENO_DEPLOY_RULES: readonly Rule[] = [
  tokenRule({
    id: 'deno-deploy-token',
    provider: 'Deno Deploy',
    description: 'A Deno Deploy access token (ddp_ personal, ddo_ organisation, ddw_): deploys and changes the user\'s or organisation\'s projects.',
    keywords: ['ddp_', 'ddo_', 'ddw_'],
    body: 'dd[pow]_[A-Za-z0-9]{36}',
    entropy: 3,
    fake: () => `ddp_${randomKey(ALNUM, 36)}`,
    nonMatches: () => [`ddp_${randomKey(ALNUM, 20)}`, `ddx_${randomKey(ALNUM, 36)}`],
  }),
]
