import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ShipStation: its key, from the provider's published format. */
export const SHIPSTATION_RULES: readonly Rule[] = [
  keyedRule({
    id: 'shipstation-api-secret',
    provider: 'ShipStation',
    description: 'A ShipStation API secret: with its key it reads orders and buys shipping labels for the account.',
    words: 'ship[_.-]?station',
    keywords: ['shipstation', 'ship_station', 'ship-station', 'ship.station'],
    value: '[a-f0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32),
    exampleName: 'SHIPSTATION_API_SECRET',
  }),
]
