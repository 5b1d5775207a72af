import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** FusionAuth: its key, from the provider's published format. */
export const FUSIONAUTH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'fusionauth-api-key',
    provider: 'FusionAuth',
    description: 'A FusionAuth API key: manages the instance\'s users, applications and tenants.',
    words: 'fusion[_.-]?auth',
    keywords: ['fusionauth', 'fusion_auth', 'fusion-auth', 'fusion.auth'],
    value: '[A-Za-z0-9_-]{43,64}',
    entropy: 3.5,
    severity: 'critical',
    fake: () => randomKey(BASE64URL, 44),
    exampleName: 'FUSIONAUTH_API_KEY',
  }),
]
