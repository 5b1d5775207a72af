import {HEX} from '../../../lib/random.js'
import type {Rule} from '../../types.js'
import {keyedRule, randomKey} from '../build.js'

/** Hunter: its key, from the provider's published format. */
export const HUNTER_RULES: readonly Rule[] = [
  keyedRule({
    id: 'hunter-api-key',
    provider: 'Hunter',
    description: 'A Hunter.io API key: finds and verifies e-mail addresses on the account\'s credits.',
    words: 'hunter(?:[_.-]?io)?',
    keywords: ['hunter_', 'hunter-', 'hunter.', 'hunterapi', 'hunterkey', 'huntertoken', 'huntersecret', 'hunterauth', 'hunteraccess', 'hunterclient', 'hunterprivate', 'hunterapp', 'hunterwrite', 'hunterrest', 'hunterrecord', 'huntersdk', 'hunterpat', 'hunterpassword'],
    value: '[a-f0-9]{40}',
    entropy: 3,
    fake: () => randomKey(HEX, 40),
    exampleName: 'HUNTER_API_KEY',
  }),
]
