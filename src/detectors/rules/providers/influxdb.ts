import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** InfluxDB: its key, from the provider's published format. */
export const INFLUXDB_RULES: readonly Rule[] = [
  keyedRule({
    id: 'influxdb-api-token',
    provider: 'InfluxDB',
    description: 'An InfluxDB API token: reads and writes the organisation\'s time-series buckets.',
    words: 'influx(?:db)?',
    keywords: ['influx'],
    value: '[A-Za-z0-9_-]{86}==',
    entropy: 3.5,
    fake: () => `${randomKey(BASE64URL, 86)}==`,
    exampleName: 'INFLUXDB_TOKEN',
  }),
]
