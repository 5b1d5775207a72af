import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Dynatrace: its key, from the provider's published format. */
export const DYNATRACE_RULES: readonly Rule[] = [
  tokenRule({
    id: 'dynatrace-api-token',
    provider: 'Dynatrace',
    description: 'A Dynatrace API token: reads or configures the monitoring environment within its scopes.',
    keywords: ['dt0c01.'],
    body: 'dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}',
    entropy: 3.5,
    fake: () => `dt0c01.${randomKey(ALNUM, 24)}.${randomKey(ALNUM, 64)}`,
    nonMatches: () => [`dt0c01.${randomKey(ALNUM, 24)}.${randomKey(ALNUM, 30)}`],
  }),
]
