import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Unleash: its key, from the provider's published format. */
export const UNLEASH_RULES: readonly Rule[] = [
  keyedRule({
    id: 'unleash-api-token',
    provider: 'Unleash',
    description: 'An Unleash API token: reads, or for admin tokens changes, the project\'s feature toggles.',
    words: 'unleash',
    value: '(?:\\*|\\[\\]|[a-z0-9_-]+):[a-z0-9_-]+\\.[a-f0-9]{64}',
    entropy: 3,
    fake: () => `default:production.${randomKey(HEX, 64)}`,
    exampleName: 'UNLEASH_API_TOKEN',
    nearMisses: () => [`UNLEASH_API_TOKEN=default:production.${randomKey(HEX, 20)}`],
  }),
]
