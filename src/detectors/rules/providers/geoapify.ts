import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Geoapify: its key, from the provider's published format. */
export const GEOAPIFY_RULES: readonly Rule[] = [
  keyedRule({
    id: 'geoapify-api-key',
    provider: 'Geoapify',
    description: 'A Geoapify API key: calls maps, routing and geocoding on the project\'s plan.',
    words: 'geoapify',
    value: '[a-f0-9]{32}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(HEX, 32),
    exampleName: 'GEOAPIFY_API_KEY',
  }),
]
