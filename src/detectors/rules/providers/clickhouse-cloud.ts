import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** ClickHouse Cloud: its key, from the provider's published format. */
export const CLICKHOUSE_CLOUD_RULES: readonly Rule[] = [
  tokenRule({
    id: 'clickhouse-cloud-api-secret',
    provider: 'ClickHouse Cloud',
    description: 'A ClickHouse Cloud API key secret: manages the organisation\'s services.',
    keywords: ['4b1d'],
    body: '4b1d[A-Za-z0-9]{38}',
    entropy: 3.5,
    fake: () => `4b1d${randomKey(ALNUM, 38)}`,
    nonMatches: () => [`key = xyz4b1d${randomKey(ALNUM, 38)}`, `4b1d${randomKey(ALNUM, 30)}`],
  }),
]
