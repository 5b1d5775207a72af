import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Pipedrive: its key, from the provider's published format. */
export const PIPEDRIVE_RULES: readonly Rule[] = [
  keyedRule({
    id: 'pipedrive-api-token',
    provider: 'Pipedrive',
    description: 'A Pipedrive API token: reads and changes the company\'s deals, persons and organisations.',
    words: 'pipedrive',
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'PIPEDRIVE_API_TOKEN',
  }),
]
