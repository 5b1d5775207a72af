import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {randomKey, tokenRule} from '../build.js'

/** Cal.com: its key, from the provider's published format. */
export const CAL_COM_RULES: readonly Rule[] = [
  tokenRule({
    id: 'cal-com-api-key',
    provider: 'Cal.com',
    description: 'A Cal.com API key (cal_live_/cal_): reads and changes the user\'s bookings and event types.',
    keywords: ['cal_live_', 'cal_test_'],
    body: 'cal_(?:live|test)_[a-f0-9]{32}',
    entropy: 3,
    fake: () => `cal_live_${randomKey(HEX, 32)}`,
    nonMatches: () => [`cal_live_${randomKey(HEX, 16)}`],
  }),
]
