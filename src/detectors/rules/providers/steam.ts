import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Steam: its key, from the provider's published format. */
export const STEAM_RULES: readonly Rule[] = [
  keyedRule({
    id: 'steam-web-api-key',
    provider: 'Steam',
    description: 'A Steam Web API key: calls Steam\'s APIs as the developer, publisher keys included.',
    words: 'steam',
    value: '[A-F0-9]{32}',
    entropy: 3,
    fake: () => randomKey(HEX, 32).toUpperCase(),
    secretNameOnly: true,
    exampleName: 'STEAM_API_KEY',
  }),
]
