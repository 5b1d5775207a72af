import {ALNUM} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Printful: its key, from the provider's published format. */
export const PRINTFUL_RULES: readonly Rule[] = [
  keyedRule({
    id: 'printful-api-token',
    provider: 'Printful',
    description: 'A Printful API token: places print-on-demand orders billed to the store.',
    words: 'printful',
    value: '[A-Za-z0-9]{40}',
    entropy: 3,
    fake: () => randomKey(ALNUM, 40),
    exampleName: 'PRINTFUL_API_TOKEN',
  }),
]
