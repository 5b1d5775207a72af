import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** TomTom: its key, from the provider's published format. */
export const TOMTOM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'tomtom-api-key',
    provider: 'TomTom',
    description: 'A TomTom API key: calls maps, routing and traffic billed to the account.',
    words: 'tomtom|tom[_.-]tom',
    keywords: ['tomtom', 'tom_tom', 'tom-tom', 'tom.tom'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 32),
    exampleName: 'TOMTOM_API_KEY',
  }),
]
