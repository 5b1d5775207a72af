import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Doppler: its key, from the provider's published format. */
export const DOPPLER_RULES: readonly Rule[] = [
  tokenRule({
    id: 'doppler-api-token',
    provider: 'Doppler',
    description: 'A Doppler token: reads the secrets of the projects and configs it is scoped to.',
    keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    body: 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.(?:[a-z0-9_-]{2,35}\\.)?[A-Za-z0-9]{40,44}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `dp.pt.${randomKey(ALNUM, 43)}`,
    nonMatches: () => [`dp.pt.${randomKey(ALNUM, 20)}`],
  }),
]
