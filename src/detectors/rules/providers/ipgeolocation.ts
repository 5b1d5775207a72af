import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ipgeolocation: its key, from the provider's published format. */
export const IPGEOLOCATION_RULES: readonly Rule[] = [
  keyedRule({
    id: 'ipgeolocation-api-key',
    provider: 'ipgeolocation',
    description: 'An ipgeolocation.io API key: looks up IP data on the account\'s plan.',
    words: 'ipgeolocation|ip[_.-]geolocation',
    keywords: ['ipgeolocation', 'ip_geolocation', 'ip-geolocation', 'ip.geolocation'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 32),
    exampleName: 'IPGEOLOCATION_API_KEY',
  }),
]
