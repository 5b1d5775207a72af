import {BASE64URL} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Patreon: its key, from the provider's published format. */
export const PATREON_RULES: readonly Rule[] = [
  keyedRule({
    id: 'patreon-access-token',
    provider: 'Patreon',
    description: 'A Patreon creator access token: reads the campaign\'s members and their pledges.',
    words: 'patreon',
    value: '[A-Za-z0-9_-]{43}',
    entropy: 3.5,
    fake: () => randomKey(BASE64URL, 43),
    secretNameOnly: true,
    exampleName: 'PATREON_ACCESS_TOKEN',
  }),
]
