import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Cisco Meraki: its key, from the provider's published format. */
export const CISCO_MERAKI_RULES: readonly Rule[] = [
  keyedRule({
    id: 'cisco-meraki-api-key',
    provider: 'Cisco Meraki',
    description: 'A Cisco Meraki Dashboard API key: configures the organisation\'s networks and devices.',
    words: 'meraki',
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'MERAKI_DASHBOARD_API_KEY',
  }),
]
