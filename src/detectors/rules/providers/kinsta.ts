import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Kinsta: its key, from the provider's published format. */
export const KINSTA_RULES: readonly Rule[] = [
  keyedRule({
    id: 'kinsta-api-key',
    provider: 'Kinsta',
    description: 'A Kinsta API key: manages the company\'s WordPress sites, backups and deployments.',
    words: 'kinsta',
    value: '[a-f0-9]{64}',
    entropy: 3,
    fake: () => randomKey(HEX, 64),
    exampleName: 'KINSTA_API_KEY',
  }),
]
