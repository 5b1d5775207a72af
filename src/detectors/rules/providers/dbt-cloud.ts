import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** dbt Cloud: its key, from the provider's published format. */
export const DBT_CLOUD_RULES: readonly Rule[] = [
  tokenRule({
    id: 'dbt-cloud-token',
    provider: 'dbt Cloud',
    description: 'A dbt Cloud service or personal token (dbtc_/dbtu_): runs jobs and reads the account\'s projects.',
    keywords: ['dbtc_', 'dbtu_'],
    body: 'dbt[cu]_[A-Za-z0-9_-]{40,64}',
    entropy: 3,
    fake: () => `dbtc_${randomKey(BASE64URL, 48)}`,
    nonMatches: () => [`dbtc_${randomKey(BASE64URL, 16)}`],
  }),
]
