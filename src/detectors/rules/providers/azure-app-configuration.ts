import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Azure App Configuration: its key, from the provider's published format. */
export const AZURE_APP_CONFIGURATION_RULES: readonly Rule[] = [
  tokenRule({
    id: 'azure-app-configuration-secret',
    provider: 'Azure App Configuration',
    description: 'An Azure App Configuration connection string secret: reads, or writes, every setting of the store.',
    keywords: ['azconfig.io'],
    body: 'Endpoint=https://[a-z0-9-]+\\.azconfig\\.io;Id=[A-Za-z0-9+/=:_-]+;Secret=(?<secret>[A-Za-z0-9+/]{43,60}={0,2})',
    flags: 'i',
    before: '',
    after: '',
    entropy: 3,
    severity: 'critical',
    fake: () => `${randomKey(BASE64, 43)}=`,
    wrap: [(secret) => `APPCONFIG="Endpoint=https://acme.azconfig.io;Id=a1b2-c3-s0:abcd;Secret=${secret}"`],
    nonMatches: () => ['Endpoint=https://acme.azconfig.io;Id=a1b2;Secret=<secret>'],
  }),
]
