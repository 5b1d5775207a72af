import type {Rule} from '../../types.js'
import {ALNUM, randomString} from '../../../lib/random.js'
import {nameRule, prefixRule} from '../build.js'

export const VERCEL_RULES: readonly Rule[] = [
  nameRule({
    id: 'vercel-legacy-token',
    provider: 'Vercel',
    description: 'A Vercel access token without prefix (24 characters, before the 2025 format) under a Vercel name.',
    keywords: ['vercel'],
    names: /(?:^|_)vercel(?:_[a-z0-9]+)*_(?:token|access_token|api_token|api_key|key)$/,
    body: '[A-Za-z0-9]{24}',
    entropy: 3.3,
    severity: 'critical',
    envName: 'VERCEL_TOKEN',
    fake: () => randomString(ALNUM, 24),
    nonMatches: () => [`VERCEL_PROJECT_ID=prj_${randomString(ALNUM, 24)}`, `VERCEL_ORG_ID=team_${randomString(ALNUM, 24)}`, 'VERCEL_TOKEN=your_vercel_token'],
  }),
  prefixRule({
    id: 'vercel-token',
    provider: 'Vercel',
    description:
      'A Vercel personal, integration or app token or API key (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`): deploys and reads environment variables.',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    body: 'vc[pikar]_[A-Za-z0-9]{24,80}',
    entropy: 3.5,
    severity: 'critical',
    envName: 'VERCEL_TOKEN',
    fake: () => `vcp_${randomString(ALNUM, 56)}`,
    nonMatches: () => [`VERCEL_TOKEN=vcp_${randomString(ALNUM, 12)}`, 'VERCEL_TOKEN=vcp_...'],
  }),
]
