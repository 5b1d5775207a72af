import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Google Ads: its key, from the provider's published format. */
export const GOOGLE_ADS_RULES: readonly Rule[] = [
  keyedRule({
    id: 'google-ads-developer-token',
    provider: 'Google Ads',
    description: 'A Google Ads API developer token: with OAuth access it reads and changes the ad accounts\' campaigns.',
    words: 'google[_.-]?ads|adwords',
    keywords: ['googleads', 'google_ads', 'google-ads', 'google.ads', 'adwords'],
    value: '[A-Za-z0-9_-]{22}',
    entropy: 3,
    fake: () => randomKey(BASE64URL, 22),
    secretNameOnly: true,
    exampleName: 'GOOGLE_ADS_DEVELOPER_TOKEN',
  }),
]
