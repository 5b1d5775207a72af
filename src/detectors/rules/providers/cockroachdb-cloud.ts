import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** CockroachDB Cloud: its key, from the provider's published format. */
export const COCKROACHDB_CLOUD_RULES: readonly Rule[] = [
  tokenRule({
    id: 'cockroachdb-cloud-api-key',
    provider: 'CockroachDB Cloud',
    description: 'A CockroachDB Cloud API key (CCDB1_): creates, changes and deletes the organisation\'s clusters.',
    keywords: ['CCDB1_'],
    body: 'CCDB1_[A-Za-z0-9]{22}_[A-Za-z0-9]{40}',
    entropy: 3,
    severity: 'critical',
    fake: () => `CCDB1_${randomKey(ALNUM, 22)}_${randomKey(ALNUM, 40)}`,
    nonMatches: () => [`CCDB1_${randomKey(ALNUM, 22)}`],
  }),
]
