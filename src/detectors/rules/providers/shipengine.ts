import {BASE64} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** ShipEngine: its key, from the provider's published format. */
export const SHIPENGINE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'shipengine-api-key',
    provider: 'ShipEngine',
    description: 'A ShipEngine (ShipStation API) key: buys shipping labels billed to the account.',
    words: 'ship[_.-]?engine',
    keywords: ['shipengine', 'ship_engine', 'ship-engine', 'ship.engine'],
    value: '(?:TEST_)?[A-Za-z0-9+/]{43}',
    entropy: 3,
    fake: () => randomKey(BASE64, 43),
    exampleName: 'SHIPENGINE_API_KEY',
  }),
]
