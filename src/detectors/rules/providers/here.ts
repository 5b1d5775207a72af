import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** HERE: its key, from the provider's published format. */
export const HERE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'here-api-key',
    provider: 'HERE',
    description: 'A HERE location platform API key: calls maps, routing and geocoding billed to the project.',
    words: 'here[_.-]?(?:api|maps|app)',
    keywords: ['here_api', 'here-api', 'hereapi', 'here.api', 'here_maps', 'here-maps', 'heremaps', 'here.maps', 'here_app', 'here-app', 'hereapp', 'here.app'],
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    exampleName: 'HERE_API_KEY',
  }),
]
