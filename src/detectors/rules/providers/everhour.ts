import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Everhour: its key, from the provider's published format. */
export const EVERHOUR_RULES: readonly Rule[] = [
  keyedRule({
    id: 'everhour-api-key',
    provider: 'Everhour',
    description: 'An Everhour API key: reads and changes the team\'s time records.',
    words: 'everhour',
    value: '[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{6}-[a-f0-9]{6}-[a-f0-9]{8}',
    entropy: 3,
    severity: 'medium',
    fake: () => `${randomKey(HEX, 4)}-${randomKey(HEX, 4)}-${randomKey(HEX, 6)}-${randomKey(HEX, 6)}-${randomKey(HEX, 8)}`,
    exampleName: 'EVERHOUR_API_KEY',
  }),
]
