import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Campaign Monitor: its key, from the provider's published format. */
export const CAMPAIGN_MONITOR_RULES: readonly Rule[] = [
  keyedRule({
    id: 'campaign-monitor-api-key',
    provider: 'Campaign Monitor',
    description: 'A Campaign Monitor API key: reads and changes the client\'s lists and sends its campaigns.',
    words: 'campaign[_.-]?monitor|createsend',
    keywords: ['campaignmonitor', 'campaign_monitor', 'campaign-monitor', 'campaign.monitor', 'createsend'],
    value: '[A-Za-z0-9+/]{86,88}={0,2}',
    entropy: 3.5,
    fake: () => randomKey(BASE64, 86),
    exampleName: 'CAMPAIGN_MONITOR_API_KEY',
  }),
]
