import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Lokalise: its key, from the provider's published format. */
export const LOKALISE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'lokalise-api-token',
    provider: 'Lokalise',
    description: 'A Lokalise API token: reads and changes the projects\' translation keys.',
    words: 'lokalise',
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'LOKALISE_API_TOKEN',
  }),
]
