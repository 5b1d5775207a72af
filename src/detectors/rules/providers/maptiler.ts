import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** MapTiler: its key, from the provider's published format. */
export const MAPTILER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'maptiler-api-key',
    provider: 'MapTiler',
    description: 'A MapTiler API key: serves maps and geocoding billed to the account.',
    words: 'map[_.-]?tiler',
    keywords: ['maptiler', 'map_tiler', 'map-tiler', 'map.tiler'],
    value: '[A-Za-z0-9]{20}',
    entropy: 3,
    severity: 'low',
    fake: () => randomKey(ALNUM, 20),
    exampleName: 'MAPTILER_API_KEY',
  }),
]
