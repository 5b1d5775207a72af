import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {prefixRule} from '../build.js'

export const NETLIFY_RULES: readonly Rule[] = [
  prefixRule({
    id: 'netlify-pat',
    provider: 'Netlify',
    description: 'A Netlify personal access token (`nfp_`): deploys and configures every site of its owner.',
    keywords: ['nfp_'],
    body: 'nfp_[A-Za-z0-9]{36,40}',
    entropy: 3.5,
    severity: 'critical',
    envName: 'NETLIFY_AUTH_TOKEN',
    fake: () => `nfp_${randomString(ALNUM, 36)}`,
    nonMatches: () => [`NETLIFY_AUTH_TOKEN=nfp_${randomString(ALNUM, 20)}`, 'NETLIFY_AUTH_TOKEN=nfp_...'],
  }),
]
