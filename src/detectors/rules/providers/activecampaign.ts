import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ActiveCampaign: its key, from the provider's published format. */
export const ACTIVECAMPAIGN_RULES: readonly Rule[] = [
  keyedRule({
    id: 'activecampaign-api-key',
    provider: 'ActiveCampaign',
    description: 'An ActiveCampaign API key: reads and changes the account\'s contacts, automations and campaigns.',
    words: 'active[_.-]?campaign',
    keywords: ['activecampaign', 'active_campaign', 'active-campaign', 'active.campaign'],
    value: '[a-f0-9]{72}',
    entropy: 3,
    fake: () => randomKey(HEX, 72),
    exampleName: 'ACTIVECAMPAIGN_API_KEY',
  }),
]
