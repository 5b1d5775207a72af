import {ALNUM, HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Harness: its key, from the provider's published format. */
export const HARNESS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'harness-api-key',
    provider: 'Harness',
    description: 'A Harness personal or service account token: runs pipelines and reads secrets in the account.',
    keywords: ['pat.', 'sat.'],
    body: '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => `pat.${randomKey(ALNUM, 22)}.${randomKey(HEX, 24)}.${randomKey(ALNUM, 20)}`,
    nonMatches: () => [`pat.${randomKey(ALNUM, 22)}.${randomKey(HEX, 24)}`],
  }),
]
