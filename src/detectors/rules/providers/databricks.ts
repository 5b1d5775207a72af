import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Databricks: its key, from the provider's published format. */
export const DATABRICKS_RULES: readonly Rule[] = [
  tokenRule({
    id: 'databricks-api-token',
    provider: 'Databricks',
    description: 'A Databricks personal access token: runs jobs and reads data in the workspace as its user.',
    keywords: ['dapi'],
    body: 'dapi[a-f0-9]{32}(?:-[0-9])?',
    entropy: 3,
    severity: 'critical',
    fake: () => `dapi${randomKey(HEX, 32)}`,
    nonMatches: () => [`dapi${randomKey(HEX, 20)}`, `dapi${randomKey(HEX, 30)}zz`],
  }),
]
