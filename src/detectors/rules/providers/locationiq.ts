import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** LocationIQ: its key, from the provider's published format. */
export const LOCATIONIQ_RULES: readonly Rule[] = [
  keyedRule({
    id: 'locationiq-access-token',
    provider: 'LocationIQ',
    description: 'A LocationIQ access token (pk.…): calls geocoding and maps on the account\'s plan.',
    words: 'location[_.-]?iq',
    keywords: ['locationiq', 'location_iq', 'location-iq', 'location.iq'],
    value: 'pk\\.[a-f0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => `pk.${randomKey(HEX, 32)}`,
    exampleName: 'LOCATIONIQ_TOKEN',
  }),
]
